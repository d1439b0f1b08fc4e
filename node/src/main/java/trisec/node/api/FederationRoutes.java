package trisec.node.api;

import static trisec.node.http.Requests.json;

import io.javalin.config.RoutesConfig;
import java.security.PublicKey;
import java.util.Optional;
import trisec.audit.note.Ed25519Notes;
import trisec.node.base.Peers;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.federation.Reception;
import trisec.node.http.Access;
import trisec.node.http.Requests;
import trisec.node.http.RouteGroup;

/**
 * What partner nodes call: the node's public identity, and the endpoint they post envelopes to (open to anyone:
 * each envelope authenticates itself by its signature, and what is refused before it can be opened is throttled).
 */
final class FederationRoutes implements RouteGroup {
    private final Self self;
    private final Reception reception;
    private final String logOrigin;
    private final PublicKey logKey;

    FederationRoutes(Self self, Reception reception, String logOrigin, PublicKey logKey) {
        this.self = self;
        this.reception = reception;
        this.logOrigin = logOrigin;
        this.logKey = logKey;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/federation/v1/identity", ctx -> json(ctx, 200, Peers.export(self.keys().identity(),
                Optional.empty(), Optional.of(Ed25519Notes.vkey(logOrigin, logKey)))), Access.PUBLIC);
        r.post("/federation/v1/envelopes", ctx -> {
            // A body that is not UTF-8 is a malformed envelope, counted and throttled like any other.
            Optional<String> text;
            try {
                text = Optional.of(Requests.body(ctx));
            } catch (Refusal e) {
                text = Optional.empty();
            }
            Reception.Answer a = reception.receive(text, ctx.ip());
            ctx.status(a.status()).contentType("application/json").result(a.body());
        }, Access.PUBLIC);
    }
}
