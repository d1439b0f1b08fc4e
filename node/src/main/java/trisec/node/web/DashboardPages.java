package trisec.node.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import trisec.label.Banner;
import trisec.label.NationalMarking;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.consent.ConsentDesk;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.item.Holdings;
import trisec.node.log.AuditLog;
import trisec.node.log.LogQueries;
import trisec.node.person.Account;
import trisec.node.release.Disclosures;
import trisec.node.consent.ConsentCase;
import trisec.node.person.Persons;
import trisec.node.release.ReleaseStatus;
import trisec.node.web.Models.AgreementLine;
import trisec.scenario.Scenario;

/**
 * The dashboard: the inbox, the party's own items, the outbox and what awaits the viewer's approval or consent,
 * the agreements today and the log's state; kept current by server-sent events that name what changed and
 * fragments fetched after them.
 */
final class DashboardPages implements RouteGroup {
    /** How many releases a page lists at most. */
    static final int PAGE = 500;

    private final Pages pages;
    private final Self self;
    private final Holdings holdings;
    private final Disclosures disclosures;
    private final ConsentDesk consents;
    private final AuditLog auditLog;
    private final LogQueries queries;

    DashboardPages(Pages pages, Holdings holdings, Disclosures disclosures, ConsentDesk consents,
                          AuditLog auditLog) {
        this.pages = pages;
        this.self = pages.self();
        this.holdings = holdings;
        this.disclosures = disclosures;
        this.consents = consents;
        this.auditLog = auditLog;
        this.queries = new LogQueries(self.store());
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/ui", this::dashboard, Access.SIGNED_IN, Access.PARTICIPANT);
        r.get("/ui/fragments/{name}", this::fragment, Access.SIGNED_IN);
        // The stream checks the session itself, before every event: a session ends while its stream runs.
        r.sse("/ui/events", this::events, Access.PUBLIC);
    }

    private void dashboard(Context ctx) {
        Account a = pages.account(ctx);
        if (a.participant()) {
            // A track 1.5 participant has no inbox, items or releases: their home is the channel's meetings.
            ctx.redirect("/ui/meetings");
            return;
        }
        Texts t = pages.texts(ctx);
        List<Holdings.View> inbox = holdings.inbox(a);
        List<Holdings.View> own = ownItems(a);
        List<Holdings.View> all = new ArrayList<>(inbox);
        all.addAll(own);
        Scenario scenario = self.facts().scenario();
        Instant now = self.clock().instant();
        List<AgreementLine> lines = scenario.agreements().stream()
                .map(ag -> Pages.agreementLine(t, scenario, ag, now)).toList();
        var checkpoint = auditLog.latest();
        var cosigned = queries.cosigned();
        var model = new Models.Dashboard(itemLines(t, inbox), itemLines(t, own), releaseLines(t, a, false),
                releaseLines(t, a, true), Access.DISCLOSURE.allows(a), consentLines(t, a),
                Access.DISCLOSURE.allows(a), lines,
                checkpoint.map(c -> t.t("dashboard.log.checkpoint", c.size())).orElse(t.t("dashboard.log.none")),
                cosigned.witnesses().stream().map(w -> w.replaceAll("^trisec\\.([A-Z]{3})/.*", "$1"))
                        .map(t::partyCode).toList(),
                t.t("dashboard.log.witnesses", cosigned.size()),
                Pages.notice(ctx, t));
        pages.render(ctx, 200, "dashboard.jte", pages.page(ctx, a, "dashboard", "dashboard.title")
                .showing(Pages.shownAll(all)), model);
    }

    private List<Holdings.View> ownItems(Account a) {
        return holdings.list(a).stream().filter(v -> v.held().own()).toList();
    }

    /**
     * A fragment of the dashboard, for live updates without reloading (after a server-sent event). It carries the
     * dashboard's marking as it now stands, which the page's banners take on: an item arriving in the inbox raises
     * them with it.
     */
    private void fragment(Context ctx) {
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        String name = ctx.pathParam("name");
        List<Holdings.View> inbox = holdings.inbox(a);
        var model = switch (name) {
            case "inbox" -> (Object) itemLines(t, inbox);
            case "items" -> itemLines(t, ownItems(a));
            case "outbox" -> releaseLines(t, a, false);
            case "approvals" -> releaseLines(t, a, true);
            case "consents" -> consentLines(t, a);
            default -> throw Refusal.notFound("no fragment " + name);
        };
        List<Holdings.View> all = new ArrayList<>(inbox);
        all.addAll(ownItems(a));
        Page p = pages.page(ctx, a, "dashboard", "dashboard.title").showing(Pages.shownAll(all));
        ctx.contentType("text/html; charset=utf-8")
                .result(pages.html("fragment/" + name + ".jte", p, model) + pages.html("fragment/marking.jte", p, null));
    }

    List<Models.ItemLine> itemLines(Texts t, List<Holdings.View> views) {
        return views.stream().map(v -> new Models.ItemLine(v.item().id(), v.item().title(), Banner.render(v.label()),
                Marking.of(List.of(Pages.shown(v)), self.scheme()).css(), NationalMarking.of(v.label(), v.heldLevel()),
                v.held().receivedFrom().map(t::party).orElse(""),
                v.held().receivedAt().map(t::dateTime).orElse(t.dateTime(v.item().createdAt())))).toList();
    }

    private List<Models.ReleaseLine> releaseLines(Texts t, Account a, boolean awaitingMe) {
        if (!Access.RELEASE_DESK.allows(a)) {
            return List.of(); // the outbox route's own access: where items go says something about them
        }
        var names = self.store().read(Persons::usernames);
        // The newest releases (a page's worth), or every one awaiting an approval, however old (few, by nature).
        var page = awaitingMe ? disclosures.outbox(a, Set.of(ReleaseStatus.AWAITING_APPROVAL), Integer.MAX_VALUE)
                : disclosures.outbox(a, Set.of(), PAGE);
        return page.releases().stream()
                .filter(r -> !awaitingMe || (r.status() == ReleaseStatus.AWAITING_APPROVAL
                        && !r.requestedBy().orElse("").equals(a.id())))
                .map(r -> new Models.ReleaseLine(r.id(), r.itemId(), t.partyCode(r.recipient().code()),
                        Pages.route(r.release()), t.releaseStatus(r.status()), r.status().name(),
                        r.requestedBy().map(names)
                                .orElse(r.origin().map(o -> t.partyCode(o.party().code())).orElse("")),
                        t.dateTime(r.requestedAt())))
                .toList();
    }

    private List<Models.ConsentLine> consentLines(Texts t, Account a) {
        if (!Access.DISCLOSURE.allows(a)) {
            return List.of(); // only those who may decide them are asked
        }
        return consents.consents(a).stream()
                .filter(c -> c.direction() == ConsentCase.Direction.IN && c.pending())
                .map(c -> new Models.ConsentLine(c.id(), c.itemId(), t.partyCode(c.consent().holder().code()),
                        t.partyCode(c.consent().recipient().code()), t.dateTime(c.requestedAt()))).toList();
    }

    /** Server-sent events: the name of what changed (inbox, outbox, consents), never content. */
    private void events(SseClient client) {
        Context ctx = client.ctx();
        String token;
        try {
            Account a = pages.signedIn(ctx);
            token = WebSession.token(ctx).orElseThrow(Pages.SignInRequired::new);
            if (a.participant()) {
                // The stream names what changed (inbox, items, outbox…) whatever the change: to a track 1.5
                // participant its rhythm alone would tell when classified work moves. Their pages do not need it.
                client.close();
                return;
            }
        } catch (Pages.SignInRequired e) {
            client.close();
            return;
        }
        client.keepAlive();
        // The session is checked again before each event: once it has ended (signed out, expired, revoked) the
        // stream is closed rather than telling anyone else what changed.
        AutoCloseable subscription = self.changes().subscribe(topic -> {
            if (pages.stillSignedIn(token)) {
                client.sendEvent("change", topic);
            } else {
                client.sendEvent("ended", "session");  // the page stops reconnecting
                client.close();
            }
        });
        client.onClose(() -> {
            try {
                subscription.close();
            } catch (Exception e) {
                // nothing to release
            }
        });
        client.sendComment("connected");
    }
}
