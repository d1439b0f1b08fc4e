package trisec.node.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import trisec.node.consult.ConsultationDesk;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.person.Account;

/**
 * The Commitment-to-Consult pages: the consultations this node knows, the button to open one (absent, with the
 * reason, while the commitment is not in force), and each room: who acknowledged when, the drafts side by side,
 * the response actions, and whether and how it was closed. The subject's title and marking only for a reader of it.
 */
final class ConsultationPages implements RouteGroup {
    private final Pages pages;
    private final ConsultationDesk desk;

    ConsultationPages(Pages pages, ConsultationDesk desk) {
        this.pages = pages;
        this.desk = desk;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/ui/consultations", this::list, Access.SIGNED_IN);
        r.post("/ui/consultations", this::open, Access.OFFICER);
        r.get("/ui/consultations/{id}", this::room, Access.SIGNED_IN);
        r.post("/ui/consultations/{id}/acknowledge", this::acknowledge, Access.ITEM_AUTHORITY);
        r.post("/ui/consultations/{id}/close", this::close, Access.OFFICER);
        r.post("/ui/consultations/{id}/drafts", this::draft, Access.OFFICER);
        r.post("/ui/consultations/{id}/actions", this::action, Access.OFFICER);
        r.post("/ui/consultations/actions/{id}", this::status, Access.OFFICER);
    }

    private void list(Context ctx) {
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        var c = desk.commitment();
        String why = c.inForce() ? "" : t.t("consult.notInForce", c.agreementId(),
                c.standing().map(t::status).orElse(c.status()), t.date(c.at()));
        var rooms = desk.list(a);
        var lines = rooms.stream().map(r -> new ConsultationView.Summary(r.id(), t.party(r.opener()),
                t.dateTime(r.openedAt()), since(t, r.sinceOpening()), subject(t, r),
                r.parties().stream().filter(p -> p.acknowledgedAt().isPresent()).count() + " / "
                        + r.parties().size(), r.closed().map(x -> closed(t, r.opener(), x)))).toList();
        Page p = pages.page(ctx, a, "consultations", "consult.title")
                .showing(Pages.shownAll(rooms.stream().flatMap(r -> r.subject().stream()).toList()));
        pages.render(ctx, 200, "consultations.jte", p, new ConsultationView.Listing(c.inForce() && Access.OFFICER
                .allows(a), why, c.agreementId(), subjectAsked(ctx), lines));
    }

    /**
     * The subject an item's page or the warnings page proposes ({@code ?subject=}), put in the form as typed, for
     * the officer to confirm: nothing is looked up until the form is sent, so the list says nothing about it.
     */
    private static String subjectAsked(Context ctx) {
        String s = ctx.queryParam("subject");
        return s == null || s.length() > 80 ? "" : s.strip();
    }

    private void open(Context ctx) {
        pages.requireForm(ctx);
        String subject = ctx.formParam("subject");
        String s = subject == null ? "" : subject.strip();
        var opening = s.contains("/") ? new ConsultationDesk.Opening(null, s) : new ConsultationDesk.Opening(s, null);
        var room = desk.open(pages.account(ctx), opening);
        ctx.redirect("/ui/consultations/" + room.id());
    }

    private void acknowledge(Context ctx) {
        pages.requireForm(ctx);
        desk.acknowledge(pages.account(ctx), ctx.pathParam("id"));
        ctx.redirect("/ui/consultations/" + ctx.pathParam("id"));
    }

    private void draft(Context ctx) {
        pages.requireForm(ctx);
        desk.draft(pages.account(ctx), ctx.pathParam("id"), new ConsultationDesk.NewDraft(ctx.formParam("text")));
        ctx.redirect("/ui/consultations/" + ctx.pathParam("id"));
    }

    private void action(Context ctx) {
        pages.requireForm(ctx);
        desk.addAction(pages.account(ctx), ctx.pathParam("id"), new ConsultationDesk.NewAction(
                ctx.formParam("title"), ctx.formParam("owner"), ctx.formParam("due")));
        ctx.redirect("/ui/consultations/" + ctx.pathParam("id"));
    }

    private void close(Context ctx) {
        pages.requireForm(ctx);
        desk.close(pages.account(ctx), ctx.pathParam("id"), new ConsultationDesk.Closing(ctx.formParam("outcome")));
        ctx.redirect("/ui/consultations/" + ctx.pathParam("id"));
    }

    private void status(Context ctx) {
        pages.requireForm(ctx);
        desk.setStatus(pages.account(ctx), ctx.pathParam("id"), new ConsultationDesk.StatusChange(
                ctx.formParam("status")));
        ctx.redirect("/ui/consultations/" + desk.consultationOf(ctx.pathParam("id")));
    }

    private void room(Context ctx) {
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        var r = desk.room(a, ctx.pathParam("id"));
        var parties = r.parties().stream().map(p -> {
            String ack = p.opener() ? t.t("consult.openedBy")
                    : p.acknowledgedAt().map(at -> t.t("consult.acknowledgedAt", t.dateTime(at),
                    since(t, p.after().orElseThrow()))).orElse(t.t("consult.awaiting"));
            String holding = p.holds() ? t.t("consult.holds") : p.mayReceive().map(m -> m
                    ? t.t("consult.mayReceive") : t.t("consult.mayNotReceive", String.join("; ", p.reasons())))
                    .orElse("—");
            Optional<String> release = p.mayReceive().filter(m -> m)
                    .map(m -> "/ui/items/" + r.subjectItem() + "/release");
            Optional<String> withheld = p.withheld().map(w -> t.t("consult.withheld", w.steps(),
                    t.t("consult.step." + w.step()), t.dateTime(w.at()), String.join("; ", w.reasons())));
            return new ConsultationView.Party(p.party().code(), t.party(p.party()), ack, holding, release, withheld);
        }).toList();
        var drafts = r.drafts().stream().map(d -> new ConsultationView.Draft(d.party().code(), t.party(d.party()),
                d.text().orElse(""), d.at().map(at -> t.dateTime(at) + " (" + since(t, d.after().orElseThrow()) + ")")
                .orElse(t.t("consult.noDraft")))).toList();
        var actions = r.actions().stream().map(x -> new ConsultationView.Action(x.id(), x.title(),
                t.party(x.owner()), x.due(), t.t("consult.status." + x.status()), x.status(),
                t.dateTime(x.at()) + " (" + since(t, x.after()) + ")")).toList();
        var owners = r.parties().stream().map(p -> new Models.Option(p.party().code(), t.party(p.party()),
                p.party().equals(pages.self().party()))).toList();
        var marking = r.subject().map(v -> pages.marking(List.of(v)));
        Page p = pages.page(ctx, a, "consultations", "consult.room")
                .showing(Pages.shownAll(r.subject().stream().toList()));
        pages.render(ctx, 200, "consultation.jte", p, new ConsultationView.Room(r.id(), t.party(r.opener()),
                t.dateTime(r.openedAt()), since(t, r.sinceOpening()), subject(t, r),
                marking.map(Marking::banner).orElse(""), marking.map(Marking::css).orElse(""), parties, drafts,
                actions, r.awaitingOurAck() && Access.ITEM_AUTHORITY.allows(a)
                ? Optional.of("/ui/consultations/" + r.id() + "/acknowledge") : Optional.empty(), owners,
                LocalDate.ofInstant(r.openedAt(), ZoneOffset.UTC).toString(), r.closed().map(x -> closed(t, r.opener(), x)),
                r.closed().isEmpty() && r.opener().equals(pages.self().party()) && Access.OFFICER.allows(a)
                        ? Optional.of("/ui/consultations/" + r.id() + "/close") : Optional.empty()));
    }

    /**
     * When and by whom a consultation was closed, and its outcome: the officer at the opener's node, the opener's
     * party elsewhere (a step names its party, not its person).
     */
    private static String closed(Texts t, trisec.party.Party opener, ConsultationDesk.Closed c) {
        String by = trisec.party.Party.isCode(c.by()) ? t.party(trisec.party.Party.of(c.by()))
                : c.by() + " (" + t.party(opener) + ")";
        String when = t.t("consult.closedAt", t.dateTime(c.at()), by);
        return c.outcome().map(o -> when + ": " + o).orElse(when);
    }

    /** The subject's title for a reader of it; otherwise one sentence, whether the item is held here or not. */
    private static String subject(Texts t, ConsultationDesk.Room r) {
        return r.subject().map(v -> v.item().title()).orElse(t.t("consult.subjectWithheld"));
    }

    private static String since(Texts t, Duration d) {
        long s = Math.max(0, d.toSeconds());
        return t.t("consult.after", s / 3600, (s % 3600) / 60, s % 60);
    }
}
