package trisec.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.KOR;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.scenario.file.ScenarioFiles;

/**
 * Who may call each route, declared on the route and enforced by one access manager. The table below is the
 * node's access policy for its routes written out: a route added without an access, or with a different one,
 * fails here until the table says so; and a person without the role is refused every API route that needs one,
 * before the route runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAccessTest {
    private static final Map<String, Set<String>> EXPECTED = new TreeMap<>();

    private static void expect(String access, String... routes) {
        for (String r : routes) {
            EXPECTED.computeIfAbsent(r, k -> new java.util.TreeSet<>()).add(access);
        }
    }

    static {
        expect("PUBLIC", "GET /", "GET /health", "GET /api/v1/openapi.json", "GET /static/{file}",
                "POST /api/v1/auth/token", "GET /federation/v1/identity", "POST /federation/v1/envelopes",
                "GET /ui/login", "POST /ui/login", "POST /ui/logout", "POST /ui/lang", "GET /ui/events");
        // An item's interchange forms carry the whole item: whoever may read it (the item's access, as for reading).
        expect("SIGNED_IN", "GET /api/v1/items/{id}/stix", "GET /api/v1/items/{id}/binding", "GET /ui/items/{id}/stix",
                "GET /ui/items/{id}/binding");
        expect("SIGNED_IN", "GET /api/v1/me", "GET /api/v1/items", "GET /api/v1/items/{id}",
                "POST /api/v1/items/{id}/compromise", "GET /api/v1/items/{id}/reports", "GET /api/v1/inbox",
                "GET /api/v1/decide", "GET /api/v1/agreements", "GET /api/v1/agreements/events",
                "GET /ui", "GET /ui/fragments/{name}", "GET /ui/items/{id}", "GET /ui/items/{id}/proof",
                "GET /ui/banner", "GET /ui/items/{id}/release", "GET /ui/agreements", "GET /ui/me",
                "GET /api/v1/warnings", "GET /api/v1/warnings/{party}/{track}",
                "GET /api/v1/warnings/{party}/{track}/geojson", "GET /api/v1/warnings/{party}/{track}/cot",
                "GET /ui/warnings", "GET /ui/warnings/fragment", "POST /api/v1/warnings/{party}/{track}/acknowledge",
                "POST /ui/warnings/{party}/{track}/acknowledge");
        // The consultation channels' health is unclassified scenario data: any signed-in person reads it.
        expect("SIGNED_IN", "GET /api/v1/channels", "GET /api/v1/channels/{id}", "GET /ui/dialogue");
        // UN Command-Rear: the UN-flagged bases and their agreement's status, public facts like the dialogue's.
        expect("SIGNED_IN", "GET /api/v1/unc", "GET /ui/unc");
        // Consultations: any signed-in person reads them; the party's watch (officers and disclosure officials)
        // acknowledges for it; officers open them, post drafts and actions, and close those their party opened.
        expect("SIGNED_IN", "GET /api/v1/consultations", "GET /api/v1/consultations/{id}",
                "GET /ui/consultations", "GET /ui/consultations/{id}");
        expect("ITEM_AUTHORITY", "POST /api/v1/consultations/{id}/acknowledge", "POST /ui/consultations/{id}/acknowledge");
        expect("OFFICER", "POST /api/v1/consultations", "POST /api/v1/consultations/{id}/drafts",
                "POST /api/v1/consultations/{id}/actions", "POST /api/v1/consultations/actions/{id}",
                "POST /api/v1/consultations/{id}/close",
                "POST /ui/consultations", "POST /ui/consultations/{id}/drafts", "POST /ui/consultations/{id}/actions",
                "POST /ui/consultations/actions/{id}", "POST /ui/consultations/{id}/close");
        expect("SIGNED_IN", "GET /api/v1/channels/calendar.ics", "GET /api/v1/channels/{id}/calendar.ics");
        // Calendar subscriptions: a person's own (a participant's too), an administrator's revocation of anyone's, and
        // the addresses a calendar client fetches, which their secret authenticates (so public to the access manager).
        expect("SIGNED_IN", "GET /api/v1/me/calendars", "POST /api/v1/me/calendars", "POST /api/v1/me/calendars/{id}/revoke",
                "POST /ui/me/calendars", "POST /ui/me/calendars/{id}/revoke");
        expect("PARTICIPANT", "GET /api/v1/channels/calendar.ics", "GET /api/v1/channels/{id}/calendar.ics",
                "GET /api/v1/me/calendars", "POST /api/v1/me/calendars", "POST /api/v1/me/calendars/{id}/revoke",
                "POST /ui/me/calendars", "POST /ui/me/calendars/{id}/revoke");
        expect("ADMIN", "GET /api/v1/calendars", "POST /api/v1/calendars/{id}/revoke", "POST /api/v1/persons/{id}/disable",
                "POST /ui/admin/persons/{id}/disable", "POST /ui/admin/calendars/{id}/revoke");
        expect("PUBLIC", "GET /calendars/{key}/channels/calendar.ics", "GET /calendars/{key}/channels/{id}/calendar.ics");
        // The perspectives register shows each person the assessments they may read; officers record this party's.
        expect("SIGNED_IN", "GET /api/v1/perspectives", "GET /ui/perspectives");
        expect("OFFICER", "POST /api/v1/perspectives");
        // Options are items: whoever may read an option's label reads, draws and compares it (the label decides);
        // an officer saves one, and the officer who saved it retracts it.
        expect("SIGNED_IN", "GET /api/v1/options", "GET /api/v1/options/examples", "GET /api/v1/options/compare",
                "POST /api/v1/options/picture", "GET /api/v1/options/{id}", "GET /api/v1/options/{id}/picture",
                "GET /ui/options", "POST /ui/options/picture", "GET /ui/options/compare", "GET /ui/options/{id}");
        expect("OFFICER", "POST /api/v1/options", "POST /api/v1/options/{id}/retract", "POST /ui/options",
                "POST /ui/options/{id}/retract");
        // The change builder writes the text an officer saves: officers, as for saving.
        expect("OFFICER", "POST /ui/options/changes");
        // Importing a STIX bundle makes items: the same role as creating one.
        expect("OFFICER", "POST /api/v1/stix/bundles");
        // Adding objects to a TAXII collection is the same import: officers, never a partner node.
        expect("OFFICER", "POST /taxii2/trisec/collections/{id}/objects/");
        expect("OFFICER", "POST /api/v1/items", "POST /api/v1/items/{id}/releases", "GET /ui/compose",
                "POST /api/v1/warnings", "POST /api/v1/warnings/{track}/updates", "POST /api/v1/warnings/{track}/close",
                "POST /ui/compose", "POST /ui/items/{id}/release");
        expect("DISCLOSURE", "POST /api/v1/releases/{id}/approve", "POST /api/v1/consents/{id}",
                "POST /api/v1/authorities", "POST /api/v1/authorities/{id}/approve",
                "POST /api/v1/authorities/{id}/revoke",
                "POST /ui/releases/{id}/approve", "POST /ui/consents/{id}");
        expect("ITEM_AUTHORITY", "POST /api/v1/items/{id}/retract", "POST /api/v1/items/{id}/reclassify",
                "POST /api/v1/warnings/{track}/retract",
                "POST /ui/items/{id}/retract");
        expect("RELEASE_DESK", "GET /api/v1/outbox", "GET /api/v1/consents", "GET /api/v1/authorities",
                "GET /api/v1/items/{id}/authorities");
        expect("ADMIN", "POST /api/v1/agreements/{id}/events", "GET /api/v1/persons", "POST /api/v1/persons",
                "GET /ui/admin", "POST /ui/admin/persons", "POST /ui/admin/events");
        expect("LOG_READER", "GET /log/checkpoint", "GET /api/v1/log/checkpoint/latest", "GET /log/tile/<path>",
                "GET /api/v1/log/proof/inclusion", "GET /api/v1/log/proof/consistency", "GET /api/v1/log/entries",
                "GET /api/v1/log/alarms");
        // Meetings of the consultation channels: read by whoever may read the records, kept by officers.
        expect("SIGNED_IN", "GET /api/v1/meetings", "GET /api/v1/meetings/{id}", "GET /ui/meetings",
                "GET /ui/meetings/{id}");
        expect("OFFICER", "POST /api/v1/meetings", "POST /api/v1/meetings/{id}/held", "POST /api/v1/meetings/{id}/cancel",
                "POST /api/v1/meetings/{id}/actions", "POST /api/v1/meetings/{id}/follow-ups",
                "POST /api/v1/meetings/{id}/annexes", "POST /api/v1/meetings/{id}/share", "POST /ui/meetings",
                "POST /api/v1/meetings/{id}/reschedule", "POST /api/v1/meetings/{id}/reports",
                "POST /ui/meetings/{id}/held", "POST /ui/meetings/{id}/cancel", "POST /ui/meetings/{id}/reschedule",
                "POST /ui/meetings/{id}/actions", "POST /ui/meetings/{id}/follow-ups", "POST /ui/meetings/{id}/annexes",
                "POST /ui/meetings/{id}/share", "POST /ui/meetings/{id}/reports");
        // The TAXII 2.1 server: persons by bearer token and partner nodes by signature; each answer is filtered for
        // its requester (the person's access to each item, the release policy toward the partner's party).
        expect("SIGNED_IN", "GET /taxii2/", "GET /taxii2/trisec/status/{id}/", "GET /taxii2/trisec/", "GET /taxii2/trisec/collections/", "GET /taxii2/trisec/collections/{id}/", "GET /taxii2/trisec/collections/{id}/objects/", "GET /taxii2/trisec/collections/{id}/manifest/", "GET /taxii2/trisec/collections/{id}/objects/{objectId}/", "GET /taxii2/trisec/collections/{id}/objects/{objectId}/versions/");
        expect("PARTNER", "GET /taxii2/", "GET /taxii2/trisec/status/{id}/", "GET /taxii2/trisec/", "GET /taxii2/trisec/collections/", "GET /taxii2/trisec/collections/{id}/", "GET /taxii2/trisec/collections/{id}/objects/", "GET /taxii2/trisec/collections/{id}/manifest/", "GET /taxii2/trisec/collections/{id}/objects/{objectId}/", "GET /taxii2/trisec/collections/{id}/objects/{objectId}/versions/");
        // Partner nodes, by a signed request, read the log to witness and audit it, and post their cosignatures.
        expect("PARTNER", "GET /log/checkpoint", "GET /api/v1/log/checkpoint/latest", "GET /log/tile/<path>",
                "GET /api/v1/log/proof/inclusion", "GET /api/v1/log/proof/consistency", "POST /log/cosignature");
        // A partner importing this node's items from a STIX bundle asks it, as their originator, to confirm them.
        expect("PARTNER", "POST /federation/v1/copies");
        // Joint statements are public to those signed in; officers and disclosure officials draft, the latter sign.
        expect("SIGNED_IN", "GET /api/v1/statements", "GET /api/v1/statements/{id}",
                "GET /api/v1/statements/{id}/document", "GET /ui/statements", "GET /ui/statements/{id}",
                "GET /ui/statements/{id}/document");
        expect("ITEM_AUTHORITY", "POST /api/v1/statements", "POST /api/v1/statements/{id}/revisions",
                "POST /ui/statements", "POST /ui/statements/{id}/revisions");
        expect("DISCLOSURE", "POST /api/v1/statements/{id}/sign", "POST /ui/statements/{id}/sign");
        // A track 1.5 participant reaches their profile, the dialogue's health, the UN-flagged bases, and the meetings
        // and statements (which show them their channel's unclassified records only); /ui sends them to the meetings.
        expect("PARTICIPANT", "GET /api/v1/me", "GET /ui/me", "GET /ui", "GET /api/v1/channels",
                "GET /api/v1/channels/{id}", "GET /ui/dialogue", "GET /api/v1/meetings", "GET /api/v1/meetings/{id}",
                "GET /ui/meetings", "GET /ui/meetings/{id}", "GET /api/v1/statements", "GET /api/v1/statements/{id}",
                "GET /api/v1/statements/{id}/document", "GET /ui/statements", "GET /ui/statements/{id}",
                "GET /ui/statements/{id}/document");
    }

    Cluster cluster;
    Client kor;

    @BeforeAll
    void start() {
        cluster = Cluster.start(List.of(KOR), ScenarioFiles.shipped(), Optional.empty(), c -> c);
        kor = cluster.client(KOR);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** GET and POST routes (HEAD and the like follow their GET). */
    private Map<String, Set<String>> declared() {
        var all = new TreeMap<String, Set<String>>();
        cluster.node(KOR).routeAccess().forEach((route, access) -> {
            if (route.startsWith("GET ") || route.startsWith("POST ")) {
                all.put(route, access);
            }
        });
        return all;
    }

    @Test
    void everyRouteDeclaresWhoMayCallItAsTheTableSays() {
        assertThat(declared()).isEqualTo(EXPECTED);
    }

    @Test
    void aPersonWithoutTheRoleIsRefusedEveryApiRouteThatNeedsOne() {
        // kor.guest is a reader: no role that any restricted route allows.
        int checked = 0;
        for (var e : EXPECTED.entrySet()) {
            String route = e.getKey();
            if (e.getValue().contains("PUBLIC") || e.getValue().contains("SIGNED_IN") || route.contains(" /ui")) {
                continue;
            }
            String path = route.substring(route.indexOf(' ') + 1).replace("{id}", UUID.randomUUID().toString())
                    .replace("{party}", "KOR").replace("{track}", "TN-1")
                    .replace("<path>", "0/000");
            var answer = route.startsWith("GET ") ? kor.get("kor.guest", path) : kor.post("kor.guest", path, "{}");
            assertThat(answer.status()).as(route + ": " + answer.body()).isEqualTo(403);
            // The TAXII server refuses in TAXII's error shape, with the same code.
            assertThat(answer.json().get(path.startsWith("/taxii2/") ? "error_code" : "error").asText()).as(route)
                    .isEqualTo("FORBIDDEN");
            checked++;
        }
        assertThat(checked).isGreaterThan(15);
    }
}
