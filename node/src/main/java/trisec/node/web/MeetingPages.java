package trisec.node.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trisec.consult.Channel;
import trisec.consult.MeetingRecord;
import trisec.node.base.Refusal;
import trisec.node.consult.MeetingDesk;
import trisec.node.consult.MeetingDocument;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.person.Account;

/**
 * The meetings of the consultation channels: a list, one meeting's record with its agenda by track, outcomes,
 * action items and the annexes the viewer may read, and the plan form for an officer. The page is marked as the
 * records and annexes it shows; a record or annex the viewer may not read leaves no trace.
 */
final class MeetingPages implements RouteGroup {
    private final Pages pages;
    private final MeetingDesk meetings;

    MeetingPages(Pages pages, MeetingDesk meetings) {
        this.pages = pages;
        this.meetings = meetings;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/ui/meetings", this::list, Access.SIGNED_IN, Access.PARTICIPANT);
        r.get("/ui/meetings/{id}", this::detail, Access.SIGNED_IN, Access.PARTICIPANT);
        r.post("/ui/meetings", this::plan, Access.OFFICER);
    }

    private void list(Context ctx) {
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        List<MeetingDesk.Seen> seen = meetings.list(a);
        Page p = pages.page(ctx, a, "meetings", "meetings.title").showing(Pages.shownAll(seen.stream()
                .map(MeetingDesk.Seen::item).toList()));
        var channels = Access.OFFICER.allows(a) ? meetings.channels().stream()
                .map(c -> new Models.Option(c.id(), c.name(), false)).toList() : List.<Models.Option>of();
        pages.render(ctx, 200, "meetings.jte", p, new MeetingModels.Meetings(seen.stream().map(s -> line(t, s))
                .toList(), channels, Pages.notice(ctx, t)));
    }

    private void detail(Context ctx) {
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        MeetingDesk.Seen s = meetings.get(a, ctx.pathParam("id"));
        var shown = new ArrayList<>(Pages.shownAll(List.of(s.item())));
        shown.addAll(Pages.shownAll(s.annexes().stream().map(MeetingDesk.Annex::item).toList()));
        Page p = pages.page(ctx, a, "meetings", "meetings.title").showing(shown);
        MeetingRecord m = s.meeting();
        var participants = new ArrayList<Models.Field>();
        m.participants().forEach((party, names) -> participants.add(new Models.Field(t.partyCode(party.code()),
                String.join(", ", names))));
        var annexes = s.annexes().stream().map(x -> {
            var marking = pages.marking(List.of(x.item()));
            return new MeetingModels.Annex(x.item().item().id(), x.item().item().title(), marking.banner(),
                    marking.css(), x.doc().text());
        }).toList();
        pages.render(ctx, 200, "meeting.jte", p, new MeetingModels.Detail(line(t, s), participants,
                m.agenda().stream().map(x -> new MeetingModels.Agenda(t.t("meetings.track." + x.track().id()),
                        x.title())).toList(), m.outcomes(), m.actions().stream().map(x -> new MeetingModels.Action(
                        String.valueOf(x.number()), t.partyCode(x.owner().code()), x.due().toString(), x.task(),
                        t.t("meetings.action." + x.status().name()), x.followUp().orElse(""))).toList(),
                m.cancellation().orElse(""), annexes));
    }

    /**
     * An officer plans a meeting: one agenda item a line, {@code track: title}; participants one a line,
     * {@code KOR: name}. Bad input comes back as the API's message, and nothing is stored.
     */
    private void plan(Context ctx) {
        pages.requireForm(ctx);
        var agenda = new ArrayList<MeetingDocument.AgendaDoc>();
        for (String line : lines(ctx.formParam("agenda"))) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw Refusal.invalid(pages.texts(ctx).t("meetings.agenda.format", line));
            }
            agenda.add(new MeetingDocument.AgendaDoc(line.substring(colon + 1).strip(), line.substring(0, colon)));
        }
        Map<String, List<String>> participants = new LinkedHashMap<>();
        for (String line : lines(ctx.formParam("participants"))) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw Refusal.invalid(pages.texts(ctx).t("meetings.participants.format", line));
            }
            participants.computeIfAbsent(line.substring(0, colon).strip().toUpperCase(java.util.Locale.ROOT),
                    k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        var seen = meetings.plan(pages.account(ctx), new MeetingDesk.NewMeeting(ctx.formParam("channel"),
                blankIsNull(ctx.formParam("start")), blankIsNull(ctx.formParam("end")), ctx.formParam("place"),
                blankIsNull(ctx.formParam("host")), participants, agenda, null, null, null));
        ctx.redirect("/ui/meetings/" + seen.meeting().id());
    }

    private MeetingModels.Line line(Texts t, MeetingDesk.Seen s) {
        MeetingRecord m = s.meeting();
        String channel = meetings.channels().stream().filter(c -> c.id().equals(m.channel())).map(Channel::name)
                .findFirst().orElse(m.channel());
        var marking = pages.marking(List.of(s.item()));
        return new MeetingModels.Line(m.id(), channel, m.start().equals(m.end()) ? m.start().toString()
                : m.start() + " – " + m.end(), m.place(), m.host().map(h -> t.partyCode(h.code())).orElse("—"),
                t.t("meetings.state." + m.state().name()), marking.banner(), marking.css());
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String blankIsNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
