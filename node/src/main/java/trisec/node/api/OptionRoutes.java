package trisec.node.api;

import static trisec.node.http.Requests.account;
import static trisec.node.http.Requests.id;
import static trisec.node.http.Requests.json;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import trisec.option.Change;
import trisec.option.HistoryImpact;
import trisec.option.Option;
import trisec.scenario.file.LabelInput;
import trisec.scenario.json.OptionTrees;

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
        json(ctx, 200, comparison(c));
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

    /** A saved option as the shared shapes list it, with what only the node knows: its id, banner and label. */
    static Map<String, Object> saved(OptionDesk.Seen s, Option option) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", s.id());
        m.putAll(OptionTrees.option(option));
        m.put("banner", Banner.render(s.item().label()));
        m.put("label", Views.label(s.item().label()));
        return m;
    }

    /** The option drawn: a saved one with its id, banner and label; a file not saved, as read. */
    private static Map<String, Object> drawn(OptionDesk.Drawn<?> d) {
        return d.saved().map(s -> saved(s, d.option())).orElseGet(() -> OptionTrees.option(d.option()));
    }

    /** The shared shape ({@link OptionTrees#picture}) with the answer's banner and the history impact. */
    static Map<String, Object> picture(OptionDesk.Drawn<OptionPicture> d) {
        OptionPicture p = d.picture();
        var m = new LinkedHashMap<String, Object>();
        m.put("banner", banner(d.saved().orElse(null), p.history(), p.impact()));
        m.putAll(OptionTrees.picture(List.of(drawn(d)), p.diff(), p.pointsBefore(), p.pointsAfter(), p.sites()));
        m.put("history", history(p.history(), p.impact()));
        return m;
    }

    /** The shared shape ({@link OptionTrees#stretch}) with the answer's banner and the history impact. */
    static Map<String, Object> stretch(OptionDesk.Drawn<OptionStretch> d) {
        OptionStretch s = d.picture();
        var m = new LinkedHashMap<String, Object>();
        m.put("banner", banner(d.saved().orElse(null), s.history(), s.impact()));
        m.putAll(OptionTrees.stretch(List.of(drawn(d)), s.timeline()));
        m.put("history", history(s.history(), s.impact()));
        return m;
    }

    /**
     * The shared shape ({@link OptionTrees#comparison}), marked as the page is: the answer at the highest of every
     * option compared, each column at the highest of its own.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> comparison(OptionComparison c) {
        var m = new LinkedHashMap<String, Object>();
        m.put("banner", banner(c.columns().stream().flatMap(col -> col.parts().stream()).toList()));
        m.putAll(OptionTrees.comparison(c.compared(), c.columns().stream().map(col -> col.parts().stream()
                .map(s -> saved(s, s.option().orElseThrow())).toList()).toList()));
        var columns = (List<Map<String, Object>>) m.get("options");
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).put("banner", banner(c.columns().get(i).parts()));
        }
        return m;
    }

    static Map<String, Object> history(OptionHistory h, HistoryImpact impact) {
        var m = new LinkedHashMap<String, Object>();
        m.put("since", h.since().map(OptionTrees::date).orElse(null));
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

}
