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
import trisec.party.Party;

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
        r.post("/ui/meetings/{id}/held", ctx -> changed(ctx, "held", (a, id) -> meetings.hold(a, id,
                new MeetingDesk.Held(lines(ctx.formParam("outcomes"))))), Access.OFFICER);
        r.post("/ui/meetings/{id}/cancel", ctx -> changed(ctx, "cancelled", (a, id) -> meetings.cancel(a, id,
                new MeetingDesk.Cancellation(blankIsNull(ctx.formParam("reason"))))), Access.OFFICER);
        r.post("/ui/meetings/{id}/reschedule", ctx -> changed(ctx, "rescheduled", (a, id) -> meetings.reschedule(a,
                id, new MeetingDesk.Reschedule(blankIsNull(ctx.formParam("start")), blankIsNull(ctx.formParam("end")),
                blankIsNull(ctx.formParam("place"))))), Access.OFFICER);
        r.post("/ui/meetings/{id}/actions", ctx -> changed(ctx, "action", (a, id) -> meetings.addAction(a, id,
                new MeetingDesk.NewAction(blankIsNull(ctx.formParam("owner")), blankIsNull(ctx.formParam("due")),
                        blankIsNull(ctx.formParam("task"))))), Access.OFFICER);
        r.post("/ui/meetings/{id}/follow-ups", ctx -> changed(ctx, "followUp", (a, id) -> meetings.followUp(a, id,
                new MeetingDesk.FollowUp(number(ctx), blankIsNull(ctx.formParam("status")),
                        blankIsNull(ctx.formParam("followUp"))))), Access.OFFICER);
        r.post("/ui/meetings/{id}/annexes", ctx -> changed(ctx, "annex", (a, id) -> {
            meetings.addAnnex(a, id, new MeetingDesk.NewAnnex(blankIsNull(ctx.formParam("title")),
                    ctx.formParam("text"), blankIsNull(ctx.formParam("level")), blankIsNull(ctx.formParam("topic")),
                    ctx.formParams("relTo"), ctx.formParams("caveat")));
            return null;
        }), Access.OFFICER);
        r.post("/ui/meetings/{id}/share", this::share, Access.OFFICER);
        r.post("/ui/meetings/{id}/reports", this::report, Access.OFFICER);
    }

    private interface Change {
        Object apply(Account officer, String id);
    }

    /**
     * A form that changes the record (or attaches to it): the desk checks it as it checks the API's request, so a
     * refusal is the API's own, on the refusal page in the viewer's language; done, back to the meeting with a notice.
     */
    private void changed(Context ctx, String done, Change change) {
        pages.requireForm(ctx);
        String id = ctx.pathParam("id");
        change.apply(pages.account(ctx), id);
        ctx.redirect("/ui/meetings/" + id + "?done=meetings.done." + done);
    }

    /** Shares the record or an annex, and shows what the release policy answered for each party. */
    private void share(Context ctx) {
        pages.requireForm(ctx);
        Account a = pages.account(ctx);
        String id = ctx.pathParam("id");
        var shared = meetings.share(a, id, new MeetingDesk.Share(blankIsNull(ctx.formParam("item"))));
        render(ctx, a, meetings.get(a, id), shared, "");
    }

    /** A partner's report on an action item its party owns; shared at once, and the answers shown. */
    private void report(Context ctx) {
        pages.requireForm(ctx);
        Account a = pages.account(ctx);
        String id = ctx.pathParam("id");
        var done = meetings.report(a, id, new MeetingDesk.NewReport(number(ctx), blankIsNull(ctx.formParam("status")),
                ctx.formParam("followUp")));
        render(ctx, a, meetings.get(a, id), done.shared(), pages.texts(ctx).t("meetings.done.reported"));
    }

    /** The action item's number as the form sends it; anything else is named in the viewer's language. */
    private Integer number(Context ctx) {
        String n = blankIsNull(ctx.formParam("number"));
        if (n == null) {
            return null;
        }
        try {
            return Integer.parseInt(n);
        } catch (NumberFormatException e) {
            throw Refusal.invalid(pages.texts(ctx).t("meetings.number.format", n));
        }
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
        render(ctx, a, meetings.get(a, ctx.pathParam("id")), List.of(), Pages.notice(ctx, pages.texts(ctx)));
    }

    private void render(Context ctx, Account a, MeetingDesk.Seen s, List<MeetingDesk.Shared> shared, String notice) {
        Texts t = pages.texts(ctx);
        var shown = new ArrayList<>(Pages.shownAll(List.of(s.item())));
        shown.addAll(Pages.shownAll(s.annexes().stream().map(MeetingDesk.Annex::item).toList()));
        shown.addAll(Pages.shownAll(s.reports().stream().map(MeetingDesk.Report::item).toList()));
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
        var reports = s.reports().stream().map(x -> {
            var marking = pages.marking(List.of(x.item()));
            return new MeetingModels.Report(String.valueOf(x.doc().number()), t.partyCode(x.doc().reportedBy()),
                    x.doc().status() == null ? t.t("meetings.status.unchanged")
                            : t.t("meetings.action." + x.doc().status()), x.doc().followUp(), marking.banner(),
                    marking.css());
        }).toList();
        var answers = shared.stream().map(x -> new MeetingModels.Shared(t.party(x.to()), t.t("verdict." + x.verdict()),
                x.status().map(st -> t.releaseStatus(st)).orElse("—"), String.join("; ", x.reasons()))).toList();
        pages.render(ctx, 200, "meeting.jte", p, new MeetingModels.Detail(line(t, s), participants,
                m.agenda().stream().map(x -> new MeetingModels.Agenda(t.t("meetings.track." + x.track().id()),
                        x.title())).toList(), m.outcomes(), m.actions().stream().map(x -> new MeetingModels.Action(
                        String.valueOf(x.number()), t.partyCode(x.owner().code()), x.due().toString(), x.task(),
                        t.t("meetings.action." + x.status().name()), x.followUp().orElse(""))).toList(),
                m.cancellation().orElse(""), annexes, reports, forms(t, a, s), answers, notice,
                draftStatement(a, s)));
    }

    /**
     * Where a person who drafts statements starts one out of this meeting, its channel and id filled in; nothing
     * when they do not draft, or the record is not one a statement may name (unclassified, without caveats, for every
     * party: {@code StatementDesk} checks it again when the draft is sent).
     */
    private String draftStatement(Account a, MeetingDesk.Seen s) {
        boolean nameable = trisec.node.consult.StatementDesk.mayName(s.item().label(),
                pages.self().facts().scenario().parties());
        return Access.ITEM_AUTHORITY.allows(a) && nameable ? "/ui/statements?channel=" + s.meeting().channel()
                + "&meeting=" + s.meeting().id() + "#new-statement" : "";
    }

    /** The forms an officer sees: the keeper's changes, or a partner's reports on its own action items. */
    private MeetingModels.Forms forms(Texts t, Account a, MeetingDesk.Seen s) {
        if (!Access.OFFICER.allows(a)) {
            return MeetingModels.Forms.none();
        }
        MeetingRecord m = s.meeting();
        Party self = pages.self().party();
        var statuses = java.util.stream.Stream.concat(java.util.stream.Stream.of(new Models.Option("",
                        t.t("meetings.status.unchanged"), true)), java.util.Arrays.stream(
                        MeetingRecord.ActionStatus.values()).map(x -> new Models.Option(x.name(),
                        t.t("meetings.action." + x.name()), false))).toList();
        if (!m.recordedBy().equals(self)) {
            var reportable = m.actions().stream().filter(x -> x.owner().equals(self))
                    .map(x -> new Models.Option(String.valueOf(x.number()), x.number() + ". " + x.task(), false))
                    .toList();
            return new MeetingModels.Forms(false, false, false, "", "", "", "", List.of(), List.of(), statuses,
                    List.of(), "", List.of(), List.of(), reportable, t.partyCode(m.recordedBy().code()));
        }
        Channel channel = meetings.channels().stream().filter(c -> c.id().equals(m.channel())).findFirst()
                .orElseThrow();
        var owners = meetings.parties(channel).stream().map(x -> new Models.Option(x.code(), t.party(x),
                x.equals(self))).toList();
        var numbers = m.actions().stream().map(x -> new Models.Option(String.valueOf(x.number()),
                x.number() + ". " + x.task(), false)).toList();
        var others = pages.self().facts().scenario().parties().stream().filter(x -> !x.equals(self))
                .map(x -> new Models.Option(x.code(), t.party(x) + " (" + x.code() + ")", false)).toList();
        var caveats = java.util.stream.Stream.of("ORCON", "NOFORN").map(x -> new Models.Option(x, x, false)).toList();
        return new MeetingModels.Forms(true, m.state() == MeetingRecord.State.PLANNED,
                m.state() == MeetingRecord.State.HELD, s.item().item().id(), m.start().toString(), m.end().toString(),
                m.place(), owners, numbers, statuses, pages.levels(pages.self().scheme().lowestClassified().name()),
                MeetingDesk.topic(channel).path(), others, caveats, List.of(), "");
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
