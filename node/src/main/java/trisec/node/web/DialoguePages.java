package trisec.node.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import trisec.consult.Channel;
import trisec.consult.ChannelHealth;
import trisec.consult.Meeting;
import trisec.node.base.Refusal;
import trisec.node.consult.DialogueHealth;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;

/**
 * The dialogue's health on any date: each channel's cadence, last meeting, status and hosts, the channels the
 * secretariat is alerted to, and the timeline of meetings and gaps. Unclassified scenario data, shown to every
 * signed-in person: the nodes have no secretariat role, so the alert is on this page for whoever looks
 * (docs/CONSULTATION.md).
 */
final class DialoguePages implements RouteGroup {
    private final Pages pages;
    private final DialogueHealth health;

    DialoguePages(Pages pages, DialogueHealth health) {
        this.pages = pages;
        this.health = health;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/ui/dialogue", this::page, Access.SIGNED_IN, Access.PARTICIPANT);
    }

    private void page(Context ctx) {
        var a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        LocalDate at;
        try {
            at = health.date(ctx.queryParam("at"));
        } catch (Refusal.Invalid e) {
            pages.problem(ctx, 400, t.t("dialogue.badDate", ctx.queryParam("at")), List.of());
            return;
        }
        LocalDate today = health.today();
        LocalDate until = at.isAfter(today) ? at : today;
        var board = health.on(at);
        List<DialogueView.Line> lines = board.channels().stream().map(h -> line(t, h)).toList();
        List<DialogueView.Line> alerts = lines.stream().filter(l -> ChannelHealth.Status.valueOf(l.statusCode())
                .alerts()).toList();
        String svg = DialogueTimeline.svg(board.channels().stream().map(ChannelHealth::channel).toList(), at, until,
                c -> name(t, c), new DialogueTimeline.Words(t.t("dialogue.timeline"), t.t("dialogue.timeline.desc",
                        at.toString()), t.t("dialogue.noRecord"), t.t("dialogue.gap"), t.t("dialogue.dormantSpan")));
        pages.render(ctx, 200, "dialogue.jte", pages.page(ctx, a, "dialogue", "dialogue.title"),
                new DialogueView(at.toString(), until.toString(), lines, alerts, svg));
    }

    private static DialogueView.Line line(Texts t, ChannelHealth h) {
        Channel c = h.channel();
        String cadence = t.t("dialogue.cadence." + c.cadence().name())
                + (c.modelled() ? " " + t.t("dialogue.modelled") : "");
        String status = t.t("dialogue.status." + h.status().name());
        String since = switch (h.status()) {
            case MET -> t.t("dialogue.dueFrom", date(t, h.dueFrom().orElseThrow()));
            case DUE -> t.t("dialogue.dueBy", date(t, h.dueBy().orElseThrow()));
            case OVERDUE, DORMANT -> t.t("dialogue.daysSince", h.daysSince().orElseThrow());
            case STANDING, NOT_ESTABLISHED, PLANNED, NO_RECORD -> "";
        };
        String host = h.host().map(t::party).orElse("—");
        String next = h.nextHost().map(p -> t.t("dialogue.nextHostFrom", t.party(p), date(t, h.nextHostFrom()
                .orElseThrow()))).orElse("—");
        return new DialogueView.Line(c.id(), name(t, c), cadence, h.lastMet().map(m -> meeting(t, m)).orElse("—"),
                status, h.status().name(), since, host, next, h.nextOnRecord().map(m -> meeting(t, m)).orElse("—"));
    }

    private static String name(Texts t, Channel c) {
        String key = "channel." + c.id();
        return t.has(key) ? t.t(key) : c.name();
    }

    private static String meeting(Texts t, Meeting m) {
        return date(t, m.start()) + (m.place().isBlank() ? "" : " · " + m.place());
    }

    private static String date(Texts t, LocalDate d) {
        return t.date(d.atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
