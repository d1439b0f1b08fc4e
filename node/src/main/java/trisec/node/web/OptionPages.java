package trisec.node.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import trisec.DomainException;
import trisec.agreement.Agreement;
import trisec.node.base.Refusal;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.http.Statuses;
import trisec.node.item.Holdings;
import trisec.node.option.OptionComparison;
import trisec.node.option.OptionDesk;
import trisec.node.option.OptionHistory;
import trisec.node.option.OptionPicture;
import trisec.node.option.OptionStretch;
import trisec.node.person.Account;
import trisec.node.release.TrackedRelease;
import trisec.option.Cell;
import trisec.option.Comparison;
import trisec.option.Change;
import trisec.option.HistoryImpact;
import trisec.option.Option;
import trisec.option.Reachability;
import trisec.option.ReachabilityDiff;
import trisec.option.SinglePoints;
import trisec.party.Level;
import trisec.party.Party;
import trisec.scenario.Scenario;
import trisec.scenario.file.LabelInput;
import trisec.scenario.file.OptionWriter;
import trisec.topic.Topic;

/**
 * The options pages (docs/OPTIONS.md, "On the node"): the options a person may read, with a form to paste or upload
 * one (an officer saves it under a label; anyone may draw it without saving), the shipped examples one click away, and
 * for officers a change builder that writes the form's text change by change ({@link OptionBuilder});
 * an option's picture on a date or over a stretch of time; and two to four options side by side with a network graph
 * of each. Every page is marked as the highest of the options and the items it shows; an option the viewer may not
 * read leaves no trace.
 */
final class OptionPages implements RouteGroup {
    private final Pages pages;
    private final OptionDesk desk;

    OptionPages(Pages pages, OptionDesk desk) {
        this.pages = pages;
        this.desk = desk;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/ui/options", this::index, Access.SIGNED_IN);
        r.post("/ui/options", this::save, Access.OFFICER);
        r.post("/ui/options/picture", this::adHoc, Access.SIGNED_IN);
        r.post("/ui/options/changes", this::addChange, Access.OFFICER);
        r.get("/ui/options/compare", this::compare, Access.SIGNED_IN);
        r.get("/ui/options/{id}", this::picture, Access.SIGNED_IN);
        r.post("/ui/options/{id}/retract", this::retract, Access.OFFICER);
    }

    // ---- the list and the form ---------------------------------------------------------------------------------

    private void index(Context ctx) {
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        String example = ctx.queryParam("example");
        String yaml = "";
        if (example != null) {
            yaml = desk.examples().get(example);
            if (yaml == null) {
                pages.problem(ctx, 404, t.t("options.noExample", example.length() > 40 ? example.substring(0, 40)
                        : example), List.of());
                return;
            }
        }
        // The label proposed: this party's lowest classified level, on the first topic the officer knows.
        String level = lowestClassified();
        String topic = a.needToKnow().topics().isEmpty() ? "" : a.needToKnow().topics().getFirst().path();
        render(ctx, 200, a, t, new OptionView.Form(Access.OFFICER.allows(a), yaml, pages.levels(level), topic,
                pages.parties(t, List.of()), caveats(List.of()), "", List.of()), List.of());
    }

    private void render(Context ctx, int status, Account a, Texts t, OptionView.Form form,
                        List<Marking.Shown> draft) {
        // The builder's fields come back as they were sent, whichever button sent the form.
        render(ctx, status, a, t, form, OptionBuilder.view(t, pages.self().facts().scenario(), form.yaml(),
                OptionBuilder.Fields.of(ctx), "", "", List.of(), "", List.of()), draft);
    }

    private void render(Context ctx, int status, Account a, Texts t, OptionView.Form form,
                        OptionView.Builder builder, List<Marking.Shown> draft) {
        List<OptionDesk.Seen> seen = desk.list(a);
        var listed = seen.stream().map(s -> {
            var m = pages.marking(List.of(s.item()));
            return new OptionView.Listed(s.id(), s.name(), m.banner(), m.css(), t.dateTime(s.item().item()
                    .createdAt()), s.option().map(o -> String.valueOf(o.changes().size())).orElse(""),
                    s.option().isPresent(), String.join("; ", s.problems().stream().map(Object::toString).toList()));
        }).toList();
        var shown = new ArrayList<>(Pages.shownAll(seen.stream().map(OptionDesk.Seen::item).toList()));
        shown.addAll(draft);
        var examples = OptionDesk.EXAMPLES.stream().map(n -> new OptionView.Example(n, t.t("options.example." + n)))
                .toList();
        // The date to draw on, as the form last sent it, or today.
        String at = Optional.ofNullable(ctx.formParam("at")).filter(d -> d.matches("\\d{4}-\\d{2}-\\d{2}"))
                .orElse(date(pages.self().clock().instant()));
        pages.render(ctx, status, "options.jte", pages.page(ctx, a, "options", "options.title").showing(shown),
                new OptionView.Index(listed, form, at, examples, Pages.notice(ctx, t), builder));
    }

    private String lowestClassified() {
        var levels = pages.self().scheme().levels();
        return levels.stream().filter(l -> !l.isUnclassified()).reduce((x, y) -> y).map(Level::name).orElse("");
    }

    private static List<Models.Option> caveats(List<String> chosen) {
        return java.util.stream.Stream.of("ORCON", "NOFORN")
                .map(c -> new Models.Option(c, c, chosen.contains(c))).toList();
    }

    /** The option file the form carries: an uploaded file when one was chosen, else the text pasted. */
    private static String yaml(Context ctx) {
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        if (file != null && file.size() > 0) {
            if (file.size() > Holdings.MAX_BODY_BYTES) {
                throw Refusal.tooLarge("an option file is at most 1 MiB");
            }
            try (InputStream in = file.content()) {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in.readAllBytes()))
                        .toString();
            } catch (CharacterCodingException e) {
                throw Refusal.invalid("the uploaded file is not UTF-8 text");
            } catch (IOException e) {
                throw Refusal.invalid("the uploaded file could not be read");
            }
        }
        return Optional.ofNullable(ctx.formParam("yaml")).orElse("");
    }

    private void save(Context ctx) {
        pages.requireForm(ctx);
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        LabelFields label = LabelFields.of(ctx);
        String yaml = "";
        try {
            yaml = yaml(ctx);
            var saved = desk.save(a, new OptionDesk.NewOption(yaml, label.level(), label.topic(), label.rel(),
                    label.caveats()));
            ctx.redirect("/ui/options/" + saved.id());
        } catch (Refusal e) {
            // The form comes back as it was sent, marked at the level chosen for what it shows again, with every
            // problem on its line.
            render(ctx, Statuses.of(e), a, t, form(t, yaml, label, t.t("options.failed", e.getMessage()),
                    e.reasons()), List.of(draft(label)));
        }
    }

    /** The label an officer chose on the option form, as sent. */
    private record LabelFields(String level, String topic, List<String> rel, List<String> caveats) {
        static LabelFields of(Context ctx) {
            return new LabelFields(Optional.ofNullable(ctx.formParam("level")).orElse(""),
                    Optional.ofNullable(ctx.formParam("topic")).orElse(""), ctx.formParams("relTo"),
                    ctx.formParams("caveat"));
        }
    }

    /** An officer's form as it was sent, with what went wrong (empty when nothing did). */
    private OptionView.Form form(Texts t, String yaml, LabelFields label, String error, List<String> problems) {
        return new OptionView.Form(true, yaml, pages.levels(label.level()), label.topic(), pages.parties(t, label.rel()),
                caveats(label.caveats()), error, problems);
    }

    /**
     * What a page showing an officer's option text again is marked as: the label they chose for it (the highest
     * level of the scheme when that level is not one).
     */
    private Marking.Shown draft(LabelFields fields) {
        try {
            var label = LabelInput.parse(pages.self().facts().scenario(), pages.self().party().code(), fields.level(),
                    "preview", fields.rel(), fields.caveats());
            return new Marking.Shown(label, label.level());
        } catch (DomainException | IllegalArgumentException notALabel) {
            Level shown = pages.self().scheme().find(fields.level()).orElse(pages.self().scheme().highest());
            return new Marking.Shown(trisec.label.ConfidentialityLabel.of(shown, Topic.of("preview")), shown);
        }
    }

    /**
     * Adds a change built with the form's fields to the option file's text (docs/UI.md, "Options"): the page comes
     * back with the text as it now is, or, when a field is wrong or the change would not read, with why and the text
     * as it was. Nothing is stored; the form's label and date come back as they were sent.
     */
    private void addChange(Context ctx) {
        pages.requireForm(ctx);
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        LabelFields label = LabelFields.of(ctx);
        String kind = Optional.ofNullable(ctx.formParam("add")).orElse("");
        var fields = OptionBuilder.Fields.of(ctx);
        Scenario real = pages.self().facts().scenario();
        String yaml = Optional.ofNullable(ctx.formParam("yaml")).orElse("");
        int status = 200;
        OptionView.Builder builder;
        try {
            yaml = yaml(ctx);
            var added = OptionBuilder.add(t, real, yaml, kind, fields);
            yaml = added.yaml();
            var header = OptionWriter.header(yaml);
            builder = OptionBuilder.view(t, real, yaml, fields.added(kind, header.name(), header.description()),
                    kind, t.t("options.builder.added", added.firstLine(), added.lastLine()),
                    added.remaining().stream().map(Object::toString).toList(), "", List.of());
        } catch (OptionBuilder.Refused e) {
            status = 400;
            builder = OptionBuilder.view(t, real, yaml, fields, kind, "", List.of(), e.getMessage(), e.problems());
        } catch (Refusal e) {
            status = Statuses.of(e);
            builder = OptionBuilder.view(t, real, yaml, fields, kind, "", List.of(),
                    t.t("options.failed", e.getMessage()), e.reasons());
        }
        render(ctx, status, a, t, form(t, yaml, label, "", List.of()), builder, List.of(draft(label)));
    }

    private void adHoc(Context ctx) {
        pages.requireForm(ctx);
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        String yaml = "";
        try {
            yaml = yaml(ctx);
            String at = ctx.formParam("at");
            var drawn = desk.adHoc(a, yaml, desk.at(at));
            show(ctx, a, t, null, drawn.option(), drawn.picture(), null, yaml);
        } catch (Refusal e) {
            render(ctx, Statuses.of(e), a, t, new OptionView.Form(Access.OFFICER.allows(a), yaml,
                    pages.levels(lowestClassified()), "", pages.parties(t, List.of()), caveats(List.of()),
                    t.t("options.failed", e.getMessage()), e.reasons()), List.of());
        }
    }

    private void retract(Context ctx) {
        pages.requireForm(ctx);
        desk.retract(pages.account(ctx), ctx.pathParam("id"));
        ctx.redirect("/ui/options?done=options.retracted");
    }

    // ---- an option's picture -----------------------------------------------------------------------------------

    private void picture(Context ctx) {
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        String id = ctx.pathParam("id");
        boolean stretch = ctx.queryParam("from") != null || ctx.queryParam("to") != null;
        if (stretch) {
            var d = desk.stretch(a, id, desk.stretch(ctx.queryParam("from"), ctx.queryParam("to")));
            show(ctx, a, t, d.saved().orElseThrow(), d.option(), null, d.picture(), "");
        } else {
            var d = desk.picture(a, id, desk.at(ctx.queryParam("at")));
            show(ctx, a, t, d.saved().orElseThrow(), d.option(), d.picture(), null, "");
        }
    }

    private void show(Context ctx, Account a, Texts t, OptionDesk.Seen seen, Option option, OptionPicture p,
                      OptionStretch s, String yaml) {
        var shown = new ArrayList<Holdings.View>();
        if (seen != null) {
            shown.add(seen.item());
        }
        OptionHistory history = p != null ? p.history() : s.history();
        HistoryImpact impact = p != null ? p.impact() : s.impact();
        // The releases the impact names are shown by their items' titles: the page is marked as those items too.
        for (HistoryImpact.Impact i : impact.impacts()) {
            Holdings.View v = history.items().get(history.releases().get(i.release().id()).itemId());
            if (v != null && !shown.contains(v)) {
                shown.add(v);
            }
        }
        String banner = "";
        String css = "";
        if (seen != null) {
            var m = pages.marking(List.of(seen.item()));
            banner = m.banner();
            css = m.css();
        }
        Instant at = p != null ? p.at() : s.from();
        String from = s != null ? date(s.from()) : "";
        String to = s != null ? date(s.until()) : "";
        List<OptionView.Pair> pairs = p == null ? List.of() : pairs(t, p);
        String name = option != null ? option.name() : seen.name();
        // The same graphs as side by side: the agreements in force on the date as they stand, and with the option.
        List<OptionView.Graph> graphs = p == null ? List.of() : List.of(graph(t, t.t("options.real"), p.real(),
                p.at()), graph(t, name, p.changed(), p.at()));
        List<OptionView.PointRow> points = p == null ? List.of() : points(t, p);
        List<OptionView.Period> periods = s == null ? List.of() : s.timeline().stretches().stream()
                .map(x -> period(t, x.from(), x.until(), x.diff(), true, false)).toList();
        // The last turn may run on past the ten years looked at: it is said to begin, not to end.
        List<OptionView.Period> turns = p == null ? List.of() : p.turns().stream()
                .map(x -> period(t, x.from(), x.until(), x.diff(), false, x.until().equals(p.turnsUntil())))
                .toList();
        String counts = p == null ? "" : t.t("options.counts", p.diff().changes().size(),
                p.diff().changes().stream().filter(ReachabilityDiff.Changed::lost).count(),
                p.diff().changes().stream().filter(ReachabilityDiff.Changed::gained).count());
        var view = new OptionView.Picture(seen == null ? "" : seen.id(), name,
                option != null ? option.description() : "",
                option == null ? List.of() : option.changes().stream().map(Change::describe).toList(), banner, css,
                seen != null && seen.savedBy(a), date(at), t.date(at), from, to, s != null, counts, pairs, graphs,
                points, periods, turns, history(t, history, impact), yaml);
        pages.render(ctx, 200, "option.jte", pages.page(ctx, a, "options", "options.picture.title")
                .showing(Pages.shownAll(shown)), view);
    }

    private List<OptionView.Pair> pairs(Texts t, OptionPicture p) {
        Reachability before = p.before();
        Reachability after = p.after();
        var out = new ArrayList<OptionView.Pair>();
        for (Party o : after.parties()) {
            for (Party r : after.parties()) {
                if (o.equals(r)) {
                    continue;
                }
                List<Level> levels = after.levels(o);
                var rows = new ArrayList<OptionView.Row>();
                int changed = 0;
                for (Topic topic : after.tree().rows()) {
                    var cells = new ArrayList<OptionView.MatrixCell>();
                    for (Level level : levels) {
                        Cell b = before.cell(o, r, topic, level);
                        Cell x = after.cell(o, r, topic, level);
                        boolean differs = !x.equals(b);
                        changed += differs ? 1 : 0;
                        String title = route(x) + (differs ? " — " + t.t("options.was", reach(t, b), route(b)) : "");
                        cells.add(new OptionView.MatrixCell(x.reach().name(), reach(t, x), b.reach().name(),
                                reach(t, b), differs, title));
                    }
                    rows.add(new OptionView.Row(topic.path(), cells));
                }
                out.add(new OptionView.Pair(o.code(), r.code(), t.t("options.pair", t.party(o), t.party(r)),
                        levels.stream().map(Level::name).toList(), rows, changed));
            }
        }
        return out;
    }

    private static String route(Cell c) {
        return c.reaches() ? String.join(" → ", c.route().stream().map(Party::code).toList()) + " ("
                + String.join(", ", c.basis()) + ")" : "—";
    }

    private static String reach(Texts t, Cell c) {
        return t.t("options.reach." + c.reach().name());
    }

    private List<OptionView.PointRow> points(Texts t, OptionPicture p) {
        var before = new LinkedHashMap<String, List<String>>();
        var after = new LinkedHashMap<String, List<String>>();
        var names = new LinkedHashMap<String, String>();
        collect(t, p.pointsBefore(), p.real(), before, names);
        collect(t, p.pointsAfter(), p.changed(), after, names);
        var out = new ArrayList<OptionView.PointRow>();
        names.forEach((key, name) -> {
            List<String> b = before.getOrDefault(key, List.of());
            List<String> x = after.getOrDefault(key, List.of());
            out.add(new OptionView.PointRow(name, before.containsKey(key) ? b : List.of(t.t("options.point.none")),
                    after.containsKey(key) ? x : List.of(t.t("options.point.none")), !b.equals(x)
                    || before.containsKey(key) != after.containsKey(key)));
        });
        return out;
    }

    private static void collect(Texts t, SinglePoints points, Scenario scenario,
                                LinkedHashMap<String, List<String>> into, LinkedHashMap<String, String> names) {
        for (SinglePoints.Point point : points.points()) {
            String key = point.failure().describe();
            names.putIfAbsent(key, switch (point.failure()) {
                case SinglePoints.Failure.AgreementEnds e -> t.t("options.point.ends", scenario.agreement(e.agreement())
                        .map(t::agreementName).orElse(e.agreement()), e.agreement());
                case SinglePoints.Failure.HubDown h -> t.t("options.point.hubDown", t.party(h.hub()));
            });
            into.put(key, point.losses().isEmpty() ? List.of(t.t("options.point.nothing")) : point.losses().stream()
                    .map(l -> t.t("options.loss", l.originator().code(), l.recipient().code(), l.topic().path(),
                            String.join(", ", l.levels().stream().map(Level::name).toList()))).toList());
        }
    }

    private static OptionView.Period period(Texts t, Instant from, Instant until, ReachabilityDiff diff,
                                            boolean lines, boolean onwards) {
        var grouped = new LinkedHashMap<String, List<String>>();
        if (lines) {
            for (ReachabilityDiff.Changed c : diff.changes()) {
                String key = t.t("options.change", c.originator().code(), c.recipient().code(), c.topic().path(),
                        reach(t, c.before()), reach(t, c.after()));
                grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(c.level().name());
            }
        }
        String when = onwards ? t.t("options.period.onwards", t.date(from))
                : t.t("options.period.span", t.date(from), t.date(until.minusSeconds(1)));
        return new OptionView.Period(date(from), when, diff.changes().size(),
                grouped.entrySet().stream().map(e -> e.getKey() + " " + String.join(", ", e.getValue())).toList());
    }

    private OptionView.History history(Texts t, OptionHistory history, HistoryImpact impact) {
        var counts = impact.counts().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> t.t("options.effect." + e.getKey().name()) + ": " + e.getValue()).toList();
        var impacts = impact.impacts().stream().map(i -> {
            TrackedRelease r = history.releases().get(i.release().id());
            Holdings.View v = history.items().get(r.itemId());
            var m = pages.marking(List.of(v));
            String was = t.t("verdict." + i.release().verdict().name()) + " · " + String.join(" → ",
                    i.release().route().stream().map(Party::code).toList()) + " (" + String.join(", ",
                    i.release().basis()) + ")";
            String now = t.t("verdict." + i.now().verdict().name()) + (i.now().route().isEmpty() ? "" : " · "
                    + String.join(" → ", i.now().route().stream().map(Party::code).toList()) + " ("
                    + String.join(", ", i.now().basis()) + ")");
            return new OptionView.Impact(r.id(), r.itemId(), v.item().title(), m.banner(), m.css(),
                    t.party(r.recipient()), t.dateTime(r.requestedAt()), t.t("options.effect." + i.effect().name()),
                    i.effect().name(), was, now);
        }).toList();
        return new OptionView.History(history.history().size(), impact.unchanged(), history.since()
                .map(t::date).orElse(""), counts, impacts);
    }

    // ---- side by side ------------------------------------------------------------------------------------------

    private void compare(Context ctx) {
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        var refs = new ArrayList<String>();
        for (String v : ctx.queryParams("ids")) {
            for (String ref : v.split(",", -1)) {
                if (!ref.isBlank()) {
                    refs.add(ref.strip());
                }
            }
        }
        OptionComparison c = desk.compare(a, refs, desk.at(ctx.queryParam("at")));
        var shown = new ArrayList<Holdings.View>();
        var columns = new ArrayList<OptionView.Column>();
        for (OptionComparison.Column col : c.columns()) {
            var views = col.parts().stream().map(OptionDesk.Seen::item).toList();
            views.stream().filter(v -> !shown.contains(v)).forEach(shown::add);
            var m = pages.marking(views);
            columns.add(new OptionView.Column(col.ref(), col.name(), m.banner(), m.css(), col.totals().kept(),
                    col.totals().rerouted(), col.totals().lost(), col.totals().gained(), col.viaHub().stream()
                    .map(h -> t.t("options.viaHubLine", h.originator().code(), h.recipient().code(),
                            String.join(", ", h.topics().stream().map(Topic::path).toList()))).toList()));
        }
        var rows = c.changedRows().stream().map(f -> new OptionView.FateRow(f.originator().code() + " → "
                + f.recipient().code(), f.topic().path(), c.columns().stream()
                .map(col -> fate(t, col, col.fate(f.originator(), f.recipient(), f.topic()))).toList())).toList();
        OptionView.Graph real = graph(t, t.t("options.real"), c.real(), c.at());
        var graphs = c.columns().stream().map(col -> graph(t, col.name(), col.scenario(), c.at())).toList();
        String combine = "";
        String combineName = "";
        if (refs.size() == 2 && refs.stream().noneMatch(r -> r.contains("+"))) {
            combine = "/ui/options/compare?ids=" + refs.get(0) + "," + refs.get(0) + "%2B" + refs.get(1) + "&at="
                    + date(c.at());
            combineName = c.columns().get(0).name() + " + " + c.columns().get(1).name();
        }
        pages.render(ctx, 200, "options-compare.jte", pages.page(ctx, a, "options", "options.compare.title")
                .showing(Pages.shownAll(shown)), new OptionView.Compare(date(c.at()), t.date(c.at()),
                String.join(",", refs), columns, rows, real, graphs, combine, combineName));
    }

    private static OptionView.FateCell fate(Texts t, OptionComparison.Column col, Comparison.Fate f) {
        var parts = new ArrayList<String>();
        if (!f.lost().isEmpty()) {
            parts.add(t.t("options.fate.lost", names(f.lost())));
        }
        if (!f.rerouted().isEmpty()) {
            Cell now = col.diff().after().cell(f.originator(), f.recipient(), f.topic(), f.rerouted().getFirst());
            parts.add(t.t("options.fate.rerouted", names(f.rerouted()), String.join(" → ",
                    now.route().stream().map(Party::code).toList())));
        }
        if (!f.gained().isEmpty()) {
            parts.add(t.t("options.fate.gained", names(f.gained())));
        }
        if (!f.kept().isEmpty()) {
            parts.add(t.t("options.fate.kept", names(f.kept())));
        }
        String css = !f.lost().isEmpty() ? "fate-lost" : !f.gained().isEmpty() ? "fate-gained"
                : !f.rerouted().isEmpty() ? "fate-rerouted" : "fate-kept";
        return new OptionView.FateCell(parts.isEmpty() ? "—" : String.join("; ", parts), css);
    }

    private static String names(List<Level> levels) {
        return String.join(", ", levels.stream().map(Level::name).toList());
    }

    private static OptionView.Graph graph(Texts t, String name, Scenario scenario, Instant at) {
        String svg = OptionGraph.svg(scenario, at, new OptionGraph.Words(t.t("options.graph.title", name),
                t.t("options.graph.desc", t.date(at)), t::party, t::agreementName,
                k -> t.t("kind." + k.name()), t::status, t.t("options.graph.down")));
        var edges = OptionGraph.edges(scenario, at).stream().map(e -> {
            Agreement ag = e.agreement();
            return t.t("options.graph.edge", ag.id(), t.t("kind." + ag.kind().name()), e.route(), e.topics(),
                    t.status(e.status()));
        }).toList();
        return new OptionView.Graph(name, svg, edges);
    }

    private static String date(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
