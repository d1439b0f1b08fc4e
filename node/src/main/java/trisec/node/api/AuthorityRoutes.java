package trisec.node.api;

import static trisec.node.http.Requests.account;
import static trisec.node.http.Requests.body;
import static trisec.node.http.Requests.id;
import static trisec.node.http.Requests.json;

import io.javalin.config.RoutesConfig;
import java.util.Map;
import trisec.node.base.Self;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.item.Holdings;
import trisec.node.release.AuthorityDesk;

/** Standing release authorities: proposed, approved by a second official, revoked; and what covers an item. */
final class AuthorityRoutes implements RouteGroup {
    private final Self self;
    private final AuthorityDesk desk;
    private final Holdings holdings;

    AuthorityRoutes(Self self, AuthorityDesk desk, Holdings holdings) {
        this.self = self;
        this.desk = desk;
        this.holdings = holdings;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/api/v1/authorities", ctx -> json(ctx, 200, Map.of("authorities",
                desk.list().stream().map(a -> Views.authority(a, Views.usernames(self))).toList())),
                Access.RELEASE_DESK);
        r.post("/api/v1/authorities", ctx -> json(ctx, 201, Views.authority(
                desk.propose(account(ctx), body(ctx, AuthorityDesk.NewAuthority.class)), Views.usernames(self))),
                Access.DISCLOSURE);
        r.post("/api/v1/authorities/{id}/approve", ctx -> json(ctx, 200,
                Views.authority(desk.approve(account(ctx), id(ctx)), Views.usernames(self))), Access.DISCLOSURE);
        r.post("/api/v1/authorities/{id}/revoke", ctx -> json(ctx, 200,
                Views.authority(desk.revoke(account(ctx), id(ctx)), Views.usernames(self))), Access.DISCLOSURE);
        r.get("/api/v1/items/{id}/authorities", ctx -> json(ctx, 200, Map.of("authorities",
                desk.coverage(holdings.read(account(ctx), id(ctx))).stream().map(c -> {
                    var m = Views.authority(c.authority(), Views.usernames(self));
                    m.put("covers", c.whyNot().isEmpty());
                    m.put("whyNot", c.whyNot().orElse(null));
                    return m;
                }).toList())), Access.RELEASE_DESK);
    }
}
