package trisec.node.api;

import static trisec.node.http.Requests.account;
import static trisec.node.http.Requests.id;
import static trisec.node.http.Requests.json;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import trisec.agreement.AgreementStatus;
import trisec.label.Banner;
import trisec.label.ConfidentialityLabel;
import trisec.node.base.Refusal;
import trisec.node.http.Access;
import trisec.node.http.Requests;
import trisec.node.http.RouteGroup;
import trisec.node.item.Labels;
import trisec.node.option.OptionComparison;
import trisec.node.option.OptionDesk;
import trisec.node.option.OptionHistory;
import trisec.node.option.OptionPicture;
import trisec.node.option.OptionStretch;
import trisec.node.release.TrackedRelease;
import trisec.option.Cell;
import trisec.option.Change;
import trisec.option.HistoryImpact;
import trisec.option.Option;
import trisec.option.Reachability;
import trisec.option.ReachabilityDiff;
import trisec.option.SinglePoints;
import trisec.party.Level;
import trisec.party.Party;
import trisec.scenario.file.LabelInput;

/**
 * Options (docs/OPTIONS.md, "On the node"): an officer saves one, with the label of the item that keeps it; whoever
 * may read that label lists it, draws its picture on a date or over a stretch of time, and compares it with others.
 * An option file that is not saved has its picture too. An option file is sent as YAML
 * ({@code Content-Type: application/yaml}, the label in the query) or as JSON with a {@code yaml} field.
 */
final class OptionRoutes implements RouteGroup {
    private final OptionDesk desk;

    OptionRoutes(OptionDesk desk) {
        this.desk = desk;
    }

    @Override
    public void addTo(RoutesConfig r) {
        // The named paths first: /api/v1/options/compare is matched before /api/v1/options/{id}.
        r.get("/api/v1/options", ctx -> json(ctx, 200, Map.of("options",
                desk.list(account(ctx)).stream().map(OptionRoutes::summary).toList())), Access.SIGNED_IN);
        r.post("/api/v1/options", this::create, Access.OFFICER);
        r.get("/api/v1/options/examples", ctx -> json(ctx, 200, Map.of("examples", desk.examples())),
                Access.SIGNED_IN);
        r.get("/api/v1/options/compare", this::compare, Access.SIGNED_IN);
        r.post("/api/v1/options/picture", this::adHoc, Access.SIGNED_IN);
        r.get("/api/v1/options/{id}", ctx -> json(ctx, 200, option(desk.get(account(ctx), id(ctx)))),
                Access.SIGNED_IN);
        r.get("/api/v1/options/{id}/picture", this::picture, Access.SIGNED_IN);
        r.post("/api/v1/options/{id}/retract", this::retract, Access.OFFICER);
    }

    /** The JSON form of a new option. */
    record NewOptionBody(String yaml, String level, String topic, List<String> relTo, List<String> caveats) {}

    /** The JSON form of an option file to draw without saving it. */
    record AdHocBody(String yaml) {}

    private static boolean yaml(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        return type.startsWith("application/yaml") || type.startsWith("application/x-yaml")
                || type.startsWith("text/yaml") || type.startsWith("text/x-yaml");
    }

    private void create(Context ctx) {
        OptionDesk.NewOption in;
        if (yaml(ctx)) {
            in = new OptionDesk.NewOption(Requests.body(ctx), ctx.queryParam("level"), ctx.queryParam("topic"),
                    LabelInput.split(ctx.queryParams("relTo")), ctx.queryParams("caveat"));
        } else {
            var b = Requests.body(ctx, NewOptionBody.class);
            in = new OptionDesk.NewOption(b.yaml(), b.level(), b.topic(), b.relTo(), b.caveats());
        }
        var saved = desk.save(account(ctx), in);
        ctx.header("Location", "/api/v1/options/" + saved.id());
        json(ctx, 201, option(saved));
    }

    private void retract(Context ctx) {
        var told = desk.retract(account(ctx), id(ctx));
        var answer = new LinkedHashMap<String, Object>();
        answer.put("id", id(ctx));
        answer.put("state", "RETRACTED");
        if (!told.relayed().isEmpty()) {
            answer.put("relayed", Labels.codes(told.relayed()));
        }
        if (!told.notTold().isEmpty()) {
            answer.put("notTold", Labels.codes(told.notTold()));
        }
        json(ctx, 200, answer);
    }

    private void picture(Context ctx) {
        var a = account(ctx);
        if (stretchAsked(ctx)) {
            json(ctx, 200, stretch(desk.stretch(a, id(ctx), desk.stretch(ctx.queryParam("from"),
                    ctx.queryParam("to")))));
        } else {
            json(ctx, 200, picture(desk.picture(a, id(ctx), desk.at(ctx.queryParam("at")))));
        }
    }

    private void adHoc(Context ctx) {
        String text = yaml(ctx) ? Requests.body(ctx) : Requests.body(ctx, AdHocBody.class).yaml();
        var a = account(ctx);
        if (stretchAsked(ctx)) {
            var drawn = desk.adHoc(a, text, desk.stretch(ctx.queryParam("from"), ctx.queryParam("to")));
            json(ctx, 200, stretch(drawn));
        } else {
            json(ctx, 200, picture(desk.adHoc(a, text, desk.at(ctx.queryParam("at")))));
        }
    }

    private static boolean stretchAsked(Context ctx) {
        boolean range = ctx.queryParam("from") != null || ctx.queryParam("to") != null;
        if (range && ctx.queryParam("at") != null) {
            throw Refusal.invalid("a picture is on one date (at) or over a stretch of time (from and to), not both");
        }
        return range;
    }

    private void compare(Context ctx) {
        var refs = new ArrayList<String>();
        for (String v : ctx.queryParams("ids")) {
            for (String ref : v.split(",", -1)) {
                refs.add(ref.strip());
            }
        }
        var c = desk.compare(account(ctx), refs, desk.at(ctx.queryParam("at")));
        var m = new LinkedHashMap<String, Object>();
        // Marked as the page is: the highest of every option compared; each column as its own options.
        m.put("banner", banner(c.columns().stream().flatMap(col -> col.parts().stream()).toList()));
        m.put("at", c.at().toString());
        m.put("options", c.columns().stream().map(OptionRoutes::column).toList());
        json(ctx, 200, m);
    }

    // ---- the JSON shapes ---------------------------------------------------------------------------------------

    static Map<String, Object> summary(OptionDesk.Seen s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("description", s.option().map(Option::description).orElse(""));
        m.put("changes", s.option().map(o -> o.changes().stream().map(Change::describe).toList()).orElse(List.of()));
        m.put("fits", s.option().isPresent());
        m.put("problems", s.problems().stream().map(Object::toString).toList());
        m.put("banner", Banner.render(s.item().label()));
        m.put("label", Views.label(s.item().label()));
        m.put("created", s.item().item().createdAt().toString());
        return m;
    }

    static Map<String, Object> option(OptionDesk.Seen s) {
        var m = summary(s);
        m.put("yaml", s.yaml());
        return m;
    }

    private static Map<String, Object> named(Option o) {
        var m = new LinkedHashMap<String, Object>();
        m.put("name", o.name());
        m.put("description", o.description());
        m.put("changes", o.changes().stream().map(Change::describe).toList());
        return m;
    }

    /** The banner of what shows these options together: the highest of their items' labels. */
    private static String banner(List<OptionDesk.Seen> options) {
        return Banner.covering(options.stream().map(s -> s.item().label()).toList()).toString();
    }

    /**
     * The banner of a picture, as its page is marked: the option's item (a saved one) and the items whose releases
     * the history impact names, which say where those items went.
     */
    private static String banner(OptionDesk.Seen saved, OptionHistory h, HistoryImpact impact) {
        var labels = new ArrayList<ConfidentialityLabel>();
        if (saved != null) {
            labels.add(saved.item().label());
        }
        for (HistoryImpact.Impact i : impact.impacts()) {
            labels.add(h.items().get(h.releases().get(i.release().id()).itemId()).label());
        }
        return Banner.covering(labels).toString();
    }

    /** The option drawn: its name and changes, and a saved one's id and its item's banner and label. */
    private static Map<String, Object> drawn(OptionDesk.Drawn<?> d) {
        var m = new LinkedHashMap<String, Object>();
        d.saved().ifPresent(s -> m.put("id", s.id()));
        m.putAll(named(d.option()));
        d.saved().ifPresent(s -> {
            m.put("banner", Banner.render(s.item().label()));
            m.put("label", Views.label(s.item().label()));
        });
        return m;
    }

    static Map<String, Object> picture(OptionDesk.Drawn<OptionPicture> d) {
        OptionPicture p = d.picture();
        var m = new LinkedHashMap<String, Object>();
        m.put("banner", banner(d.saved().orElse(null), p.history(), p.impact()));
        m.put("option", drawn(d));
        m.put("at", p.at().toString());
        m.put("before", matrix(p.before()));
        m.put("after", matrix(p.after()));
        m.put("diff", diff(p.diff()));
        m.put("singlePoints", Map.of("before", points(p.pointsBefore()), "after", points(p.pointsAfter())));
        m.put("history", history(p.history(), p.impact()));
        return m;
    }

    static Map<String, Object> stretch(OptionDesk.Drawn<OptionStretch> d) {
        OptionStretch s = d.picture();
        var m = new LinkedHashMap<String, Object>();
        m.put("banner", banner(d.saved().orElse(null), s.history(), s.impact()));
        m.put("option", drawn(d));
        m.put("from", s.from().toString());
        m.put("to", s.until().toString());
        m.put("periods", s.periods().stream().map(p -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("from", p.from().toString());
            x.put("until", p.until().toString());
            x.put("before", p.diff().before().counts());
            x.put("after", p.diff().after().counts());
            x.put("diff", diff(p.diff()));
            return x;
        }).toList());
        m.put("history", history(s.history(), s.impact()));
        return m;
    }

    private static Map<String, Object> matrix(Reachability r) {
        var m = new LinkedHashMap<String, Object>();
        m.put("counts", r.counts());
        m.put("topics", r.tree().rows().stream().map(t -> t.path()).toList());
        m.put("cells", r.entries().stream().map(e -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("originator", e.originator().code());
            x.put("recipient", e.recipient().code());
            x.put("topic", e.topic().path());
            x.put("level", e.level().name());
            x.putAll(cell(e.cell()));
            return x;
        }).toList());
        return m;
    }

    private static Map<String, Object> cell(Cell c) {
        var m = new LinkedHashMap<String, Object>();
        m.put("reach", c.reach().name());
        m.put("decision", c.verdict().name());
        m.put("route", Labels.codes(c.route()));
        m.put("basis", c.basis());
        return m;
    }

    private static List<Map<String, Object>> diff(ReachabilityDiff d) {
        return d.changes().stream().map(c -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("originator", c.originator().code());
            x.put("recipient", c.recipient().code());
            x.put("topic", c.topic().path());
            x.put("level", c.level().name());
            x.put("before", cell(c.before()));
            x.put("after", cell(c.after()));
            x.put("lost", c.lost());
            x.put("gained", c.gained());
            return (Map<String, Object>) x;
        }).toList();
    }

    private static List<Map<String, Object>> points(SinglePoints p) {
        return p.points().stream().map(point -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("failure", point.failure().describe());
            switch (point.failure()) {
                case SinglePoints.Failure.AgreementEnds e -> x.put("agreement", e.agreement());
                case SinglePoints.Failure.HubDown h -> x.put("hub", h.hub().code());
            }
            x.put("losses", point.losses().stream().map(l -> {
                var y = new LinkedHashMap<String, Object>();
                y.put("originator", l.originator().code());
                y.put("recipient", l.recipient().code());
                y.put("topic", l.topic().path());
                y.put("levels", l.levels().stream().map(Level::name).toList());
                return y;
            }).toList());
            return (Map<String, Object>) x;
        }).toList();
    }

    static Map<String, Object> history(OptionHistory h, HistoryImpact impact) {
        var m = new LinkedHashMap<String, Object>();
        m.put("releases", h.history().size());
        m.put("unchanged", impact.unchanged());
        m.put("counts", impact.counts());
        m.put("impacts", impact.impacts().stream().map(i -> {
            TrackedRelease r = h.releases().get(i.release().id());
            var x = new LinkedHashMap<String, Object>();
            x.put("release", i.release().id());
            x.put("itemId", r.itemId());
            x.put("banner", Banner.render(h.items().get(r.itemId()).label()));
            x.put("recipient", r.recipient().code());
            x.put("requestedAt", r.requestedAt().toString());
            x.put("effect", i.effect().name());
            var was = new LinkedHashMap<String, Object>();
            was.put("decision", i.release().verdict().name());
            was.put("route", Labels.codes(i.release().route()));
            was.put("basis", i.release().basis());
            x.put("was", was);
            x.put("now", Views.decision(i.now()));
            return x;
        }).toList());
        return m;
    }

    private static Map<String, Object> column(OptionComparison.Column c) {
        var m = new LinkedHashMap<String, Object>();
        m.put("ids", c.parts().stream().map(OptionDesk.Seen::id).toList());
        m.put("name", c.name());
        m.put("banner", banner(c.parts()));
        m.put("kept", c.totals().kept());
        m.put("rerouted", c.totals().rerouted());
        m.put("lost", c.totals().lost());
        m.put("gained", c.totals().gained());
        m.put("fates", c.fates().stream().map(f -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("originator", f.originator().code());
            x.put("recipient", f.recipient().code());
            x.put("topic", f.topic().path());
            x.put("kept", names(f.kept()));
            x.put("rerouted", names(f.rerouted()));
            x.put("lost", names(f.lost()));
            x.put("gained", names(f.gained()));
            return x;
        }).toList());
        m.put("viaHub", c.viaHub().stream().map(v -> Map.of("originator", v.originator().code(),
                "recipient", v.recipient().code(), "topics", v.topics().stream().map(t -> t.path()).toList()))
                .toList());
        m.put("diff", diff(c.diff()));
        Instant at = c.diff().after().at();
        m.put("agreements", c.scenario().agreements().stream().filter(a -> c.scenario().lifecycle(a).inForceAt(at))
                .map(a -> {
                    AgreementStatus s = c.scenario().lifecycle(a).statusAt(at);
                    var x = new LinkedHashMap<String, Object>();
                    x.put("id", a.id());
                    x.put("kind", a.kind().name());
                    x.put("parties", Labels.codes(a.parties()));
                    x.put("hub", a.hub().map(Party::code).orElse(null));
                    x.put("status", s.code());
                    x.put("noticeSuspended", s instanceof AgreementStatus.InForce f && f.noticeSuspended());
                    x.put("topics", a.scopeAt(at).topics().toString());
                    return x;
                }).toList());
        return m;
    }

    private static List<String> names(List<Level> levels) {
        return levels.stream().map(Level::name).toList();
    }
}
