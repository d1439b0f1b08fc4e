package trisec.node.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import trisec.consult.PerspectiveComparison;
import trisec.consult.PerspectiveJudgement;
import trisec.node.base.Refusal;
import trisec.node.consult.PerspectiveRegister;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.item.Holdings;
import trisec.party.Party;

/**
 * The perspectives register of a topic: each party's latest assessment side by side, where they agree and differ,
 * and how each view moved. Drawn only from the assessments the viewer may read, and marked as the highest of them;
 * of the others the page says nothing, not even how many there are.
 */
final class PerspectivePages implements RouteGroup {
    private final Pages pages;
    private final PerspectiveRegister register;

    PerspectivePages(Pages pages, PerspectiveRegister register) {
        this.pages = pages;
        this.register = register;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/ui/perspectives", this::page, Access.SIGNED_IN);
    }

    private void page(Context ctx) {
        var a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        String topic = ctx.queryParam("topic");
        if (topic == null || topic.isBlank()) {
            pages.render(ctx, 200, "perspectives.jte", pages.page(ctx, a, "perspectives", "perspectives.title"),
                    new PerspectiveView("", false, List.of(), List.of(), List.of()));
            return;
        }
        PerspectiveRegister.Register reg;
        try {
            reg = register.register(a, topic.strip());
        } catch (Refusal.Invalid e) {
            pages.problem(ctx, 400, t.t("perspectives.badTopic", topic), List.of());
            return;
        }
        var shown = new ArrayList<Holdings.View>();
        reg.histories().values().forEach(list -> list.forEach(s -> shown.add(s.item())));
        Page p = pages.page(ctx, a, "perspectives", "perspectives.title").showing(Pages.shownAll(shown));
        pages.render(ctx, 200, "perspectives.jte", p, model(t, reg));
    }

    private PerspectiveView model(Texts t, PerspectiveRegister.Register reg) {
        List<Party> parties = List.copyOf(reg.latest().keySet());
        List<PerspectiveView.Column> columns = parties.stream().map(party -> {
            var s = reg.latest().get(party);
            var m = pages.marking(List.of(s.item()));
            return new PerspectiveView.Column(party.code(), t.party(party), date(t, s.perspective().asOf()),
                    s.item().item().id(), s.item().item().title(), m.banner(), m.css(), s.perspective().summary(),
                    s.perspective().judgements().stream().map(j -> new PerspectiveView.Judgement(j.key(),
                            stance(t, j), j.stance().name(), j.note())).toList());
        }).toList();
        List<PerspectiveView.Row> rows = reg.comparison().stream().map(row -> new PerspectiveView.Row(row.key(),
                parties.stream().map(party -> row.stances().containsKey(party) ? stance(t, row.stances().get(party))
                        : "—").toList(),
                parties.stream().map(party -> row.stances().containsKey(party)
                        ? row.stances().get(party).stance().name() : "NONE").toList(),
                t.t("perspectives.agreement." + row.agreement().name()), row.agreement().name())).toList();
        List<PerspectiveView.History> histories = reg.histories().entrySet().stream().map(e ->
                new PerspectiveView.History(e.getKey().code(), t.party(e.getKey()), e.getValue().stream().map(s -> {
                    var m = pages.marking(List.of(s.item()));
                    return new PerspectiveView.Entry(date(t, s.perspective().asOf()), s.item().item().id(),
                            s.item().item().title(), m.banner(), m.css(), String.join(", ", s.perspective()
                            .judgements().stream().map(j -> j.key() + ": " + stance(t, j)).toList()));
                }).toList(), reg.shifts().get(e.getKey()).stream().map(x -> shift(t, x)).toList())).toList();
        return new PerspectiveView(reg.topic().path(), true, columns, rows, histories);
    }

    private static String stance(Texts t, PerspectiveJudgement j) {
        return t.t("perspectives.stance." + j.stance().name());
    }

    private static String shift(Texts t, PerspectiveComparison.Shift s) {
        String to = t.t("perspectives.stance." + s.to().name());
        return s.from().map(from -> t.t("perspectives.shift", date(t, s.on()), s.key(),
                        t.t("perspectives.stance." + from.name()), to))
                .orElseGet(() -> t.t("perspectives.firstStance", date(t, s.on()), s.key(), to));
    }

    private static String date(Texts t, LocalDate d) {
        return t.date(d.atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
