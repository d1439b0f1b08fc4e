package trisec.node.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.item.Holdings;
import trisec.node.person.Account;
import trisec.node.release.Disclosures;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;

/** A release: the decision shown before the officer confirms, the request, and the second person's approval. */
final class ReleasePages implements RouteGroup {
    private final Pages pages;
    private final Self self;
    private final Holdings holdings;
    private final Disclosures disclosures;

    ReleasePages(Pages pages, Holdings holdings, Disclosures disclosures) {
        this.pages = pages;
        this.self = pages.self();
        this.holdings = holdings;
        this.disclosures = disclosures;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/ui/items/{id}/release", this::releaseForm, Access.SIGNED_IN);
        r.post("/ui/items/{id}/release", this::release, Access.OFFICER);
        r.post("/ui/releases/{id}/approve", this::approve, Access.DISCLOSURE);
    }

    /** The decision, route, basis and reasons, shown before the officer confirms the release. */
    private void releaseForm(Context ctx) {
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        Optional<Holdings.View> readable = pages.readable(ctx, a, holdings, ctx.pathParam("id"));
        if (readable.isEmpty()) {
            return;
        }
        Holdings.View v = readable.get();
        String to = Optional.ofNullable(ctx.queryParam("to")).orElse("");
        Models.Decision decision = null;
        if (Party.isCode(to) && self.facts().scenario().has(Party.of(to)) && !Party.of(to).equals(self.party())) {
            decision = decision(t, disclosures.preview(a, v, Party.of(to)));
        }
        pages.render(ctx, 200, "release.jte", pages.page(ctx, a, "dashboard", "release.title")
                        .showing(Pages.shownAll(List.of(v))),
                new Models.Release(v.item().id(), v.item().title(), pages.parties(t, List.of(to)), to, decision,
                        decision != null && !"DENY".equals(decision.verdictCode()) && Access.OFFICER.allows(a), ""));
    }

    private static Models.Decision decision(Texts t, ReleaseDecision d) {
        return new Models.Decision(t.t("verdict." + d.verdict().name()), d.verdict().name(),
                String.join(" → ", d.route().stream().map(Party::code).toList()), String.join(", ", d.basis()),
                d.recipientLevel().map(Level::name).orElse(""), d.reasons().stream().map(t::reason).toList());
    }

    private void release(Context ctx) {
        pages.requireForm(ctx);
        Account a = pages.account(ctx);
        String id = ctx.pathParam("id");
        String to = Optional.ofNullable(ctx.formParam("to")).orElse("");
        Disclosures.Requested r;
        try {
            r = disclosures.request(a, id, to);
        } catch (Refusal e) {
            if ("RELEASE_DENIED".equals(e.code())) {
                // Refused since the decision was shown (an agreement changed): show the decision again, with its reasons.
                ctx.redirect("/ui/items/" + id + "/release?to=" + (Party.isCode(to) ? to : ""));
                return;
            }
            throw e; // access, no route to the partner: a page with the reasons
        }
        ctx.redirect("/ui?done=" + (r.decision().verdict().name().equals("PERMIT")
                ? "release.requested" : "release.consentRequested"));
    }

    private void approve(Context ctx) {
        pages.requireForm(ctx);
        disclosures.approve(pages.account(ctx), ctx.pathParam("id"));
        ctx.redirect("/ui?done=approve.done");
    }
}
