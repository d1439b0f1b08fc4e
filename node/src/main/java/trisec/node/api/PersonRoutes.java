package trisec.node.api;

import static trisec.node.http.Requests.account;
import static trisec.node.http.Requests.body;
import static trisec.node.http.Requests.json;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.person.Account;
import trisec.node.person.Role;
import trisec.node.person.Sessions;
import trisec.node.person.PersonRow;
import trisec.node.person.Persons;

/** Signing in for a bearer token, who one is, and the admin's management of persons. */
final class PersonRoutes implements RouteGroup {
    private final Self self;
    private final Sessions sessions;

    PersonRoutes(Self self, Sessions sessions) {
        this.self = self;
        this.sessions = sessions;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.post("/api/v1/auth/token", this::token, Access.PUBLIC);
        r.get("/api/v1/me", this::me, Access.SIGNED_IN, Access.PARTICIPANT);
        r.get("/api/v1/persons", ctx -> json(ctx, 200, Map.of("persons",
                self.store().read(Persons::all).stream().map(PersonRoutes::person).toList())), Access.ADMIN);
        r.post("/api/v1/persons", this::create, Access.ADMIN);
        // Ends the person's sessions and calendar subscriptions with their sign-in, at once.
        r.post("/api/v1/persons/{id}/disable", ctx -> json(ctx, 200, person(sessions.disable(account(ctx),
                ctx.pathParam("id")))), Access.ADMIN);
    }

    record TokenRequest(String username, String password) {}

    private void token(Context ctx) {
        var in = body(ctx, TokenRequest.class);
        if (in.username() == null || in.password() == null) {
            throw Refusal.invalid("username and password are required");
        }
        var t = sessions.signIn(in.username(), in.password());
        json(ctx, 200, Map.of("token", t.token(), "expiresAt", t.expiresAt().toString()));
    }

    private void me(Context ctx) {
        Account a = account(ctx);
        var m = new LinkedHashMap<String, Object>();
        m.put("username", a.username());
        m.put("party", self.party().code());
        m.put("nationality", a.nationality().code());
        m.put("clearance", a.clearance().name());
        m.put("needToKnow", a.needToKnow().topics().stream().map(t -> t.path()).toList());
        m.put("roles", a.roles().stream().map(Role::id).sorted().toList());
        json(ctx, 200, m);
    }

    record NewPerson(String username, String password, String clearance, List<String> needToKnow, List<String> roles) {}

    private void create(Context ctx) {
        var in = body(ctx, NewPerson.class);
        if (in.username() == null || in.password() == null || in.clearance() == null || in.roles() == null) {
            throw Refusal.invalid("username, password, clearance and roles are required");
        }
        if (in.password().length() < 12) {
            throw Refusal.invalid("a password has at least 12 characters");
        }
        List<Role> roles = new ArrayList<>();
        for (String r : in.roles()) {
            roles.add(Role.parse(r).orElseThrow(() -> Refusal.invalid("'" + r
                    + "' is not a role (" + String.join(", ", java.util.Arrays.stream(Role.values()).map(Role::id)
                    .toList()) + ")")));
        }
        PersonRow row = sessions.create(in.username(), in.password().toCharArray(), self.party(), in.clearance(),
                in.needToKnow() == null ? List.of() : in.needToKnow(), roles);
        json(ctx, 201, person(row));
    }

    private static Map<String, Object> person(PersonRow r) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", r.id());
        m.put("username", r.username());
        m.put("nationality", r.nationality());
        m.put("clearance", r.clearance());
        m.put("needToKnow", r.needToKnow());
        m.put("roles", r.roles());
        m.put("locked", r.lockedUntil().isPresent());
        m.put("disabled", r.disabledAt().isPresent());
        return m;
    }
}
