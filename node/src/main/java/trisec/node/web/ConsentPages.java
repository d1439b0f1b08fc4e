package trisec.node.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import trisec.node.base.Refusal;
import trisec.node.consent.ConsentDesk;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;

/** A disclosure official grants or refuses a partner's request for consent (the dashboard lists them). */
final class ConsentPages implements RouteGroup {
    private final Pages pages;
    private final ConsentDesk consents;

    ConsentPages(Pages pages, ConsentDesk consents) {
        this.pages = pages;
        this.consents = consents;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.post("/ui/consents/{id}", this::decide, Access.DISCLOSURE);
    }

    private void decide(Context ctx) {
        pages.requireForm(ctx);
        String grant = Optional.ofNullable(ctx.formParam("grant")).orElse("");
        if (!grant.equals("true") && !grant.equals("false")) {
            throw Refusal.invalid("grant must be true or false");
        }
        consents.decide(pages.account(ctx), ctx.pathParam("id"), grant.equals("true"));
        ctx.redirect("/ui?done=consent.done");
    }
}
