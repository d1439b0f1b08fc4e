package trisec.node.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import trisec.DateOrInstant;
import trisec.DomainException;
import trisec.node.base.Self;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.person.Account;
import trisec.node.web.Models.AgreementLine;
import trisec.scenario.Scenario;

/** The agreements on any date, with the timeline of their lives. */
final class AgreementPages implements RouteGroup {
    private final Pages pages;
    private final Self self;

    AgreementPages(Pages pages) {
        this.pages = pages;
        this.self = pages.self();
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/ui/agreements", this::agreements, Access.SIGNED_IN);
    }

    private void agreements(Context ctx) {
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        Scenario scenario = self.facts().scenario();
        Instant at;
        try {
            at = ctx.queryParam("at") == null || ctx.queryParam("at").isBlank() ? self.clock().instant()
                    : DateOrInstant.parse(ctx.queryParam("at"));
        } catch (DomainException e) {
            pages.problem(ctx, 400, t.t("agreements.badDate", ctx.queryParam("at")), List.of());
            return;
        }
        Instant when = at;
        List<AgreementLine> lines = scenario.agreements().stream()
                .map(ag -> Pages.agreementLine(t, scenario, ag, when)).toList();
        pages.render(ctx, 200, "agreements.jte", pages.page(ctx, a, "agreements", "agreements.title"),
                Timeline.of(t, scenario, self.clock().instant(), when, lines));
    }
}
