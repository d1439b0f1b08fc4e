package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;
import static trisec.node.api.ApiFixture.CLASS_I;
import static trisec.node.api.ApiFixture.CLASS_II;
import static trisec.node.api.ApiFixture.CLASS_III;
import static trisec.node.api.ApiFixture.GOKUHI;
import static trisec.node.api.ApiFixture.KOR_JPN_GSOMIA;
import static trisec.node.api.ApiFixture.TISA;
import static trisec.node.api.ApiFixture.USA_JPN_GSOMIA;
import static trisec.node.api.ApiFixture.USA_KOR_GSOMIA;
import static trisec.node.api.ApiFixture.assertError;
import static trisec.node.api.ApiFixture.bearer;
import static trisec.node.api.ApiFixture.body;
import static trisec.node.api.ApiFixture.byId;
import static trisec.node.api.ApiFixture.ids;
import static trisec.node.api.ApiFixture.item;
import static trisec.node.api.ApiFixture.keys;
import static trisec.node.api.ApiFixture.query;
import static trisec.node.api.ApiFixture.signIn;
import static trisec.node.api.ApiFixture.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.base.Json;
import trisec.policy.ReleasePolicy;
import trisec.policy.ReleaseRequest;
import trisec.scenario.file.LabelInput;
import trisec.scenario.file.ScenarioFiles;

/**
 * Every route of the REST API (Api.java) against one running KOR–JPN–USA cluster: the success case with its
 * shape, the errors, and who may call it. The cluster, its persons and their tokens are shared by all tests;
 * each test makes its own items, so that the order of the tests does not matter (except within a flow that
 * says so).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {
    Cluster cluster;
    Client kor;
    Client jpn;
    Client usa;

    @BeforeAll
    void start() {
        cluster = Cluster.trilateral();
        kor = cluster.client(KOR);
        jpn = cluster.client(JPN);
        usa = cluster.client(USA);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    // ---- shared steps ---------------------------------------------------------------------------------

    private int titles;

    /** A new KOR item by kor.officer; returns its id. */
    String newKoreanItem(String level) {
        Client.Response r = kor.post("kor.officer", "/api/v1/items", item("item " + (++titles), level, "dprk.missile"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    /** kor.officer asks for the item to go to the party; returns the release's id. */
    String requestRelease(Client c, String officer, String itemId, String to) {
        Client.Response r = c.post(officer, "/api/v1/items/" + itemId + "/releases", body("to", to));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().at("/release/id").asText();
    }

    Client.Response approve(Client c, String official, String releaseId) {
        return c.post(official, "/api/v1/releases/" + releaseId + "/approve", "");
    }

    JsonNode outbox(Client c) {
        String officer = c == kor ? "kor.officer" : c == jpn ? "jpn.officer" : "usa.officer";
        Client.Response r = c.get(officer, "/api/v1/outbox");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    JsonNode consents(Client c, String who) {
        Client.Response r = c.get(who, "/api/v1/consents");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    JsonNode recordedEvents(Client c, String who) {
        Client.Response r = c.get(who, "/api/v1/agreements/events");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    JsonNode persons() {
        Client.Response r = kor.get("kor.admin", "/api/v1/persons");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    java.util.Set<String> koreanItemIds() {
        return ids(kor.get("kor.officer", "/api/v1/items").json(), "items");
    }

    /** A KOR Class II item released to a partner and delivered there (once per recipient, then reused). */
    record Delivered(String itemId, String releaseId, Client.Response approval) {}

    private final java.util.Map<String, Delivered> delivered = new java.util.HashMap<>();

    Delivered deliveredTo(String party) {
        return delivered.computeIfAbsent(party, p -> deliverNew(p));
    }

    Delivered deliverNew(String party) {
        Client recipient = party.equals("JPN") ? jpn : usa;
        String reader = party.toLowerCase() + ".analyst";
        String id = newKoreanItem(CLASS_II);
        String release = requestRelease(kor, "kor.officer", id, party);
        Client.Response approval = approve(kor, "kor.disclosure", release);
        assertThat(approval.status()).as(approval.body()).isEqualTo(200);
        Cluster.eventually(() -> recipient.get(reader, "/api/v1/items/" + id).status() == 200, party + " holds " + id);
        return new Delivered(id, release, approval);
    }

    /** A person with both the officer and the disclosure role, to test the two-person rule. */
    private String both;

    String both() {
        if (both == null) {
            Client.Response r = kor.post("kor.admin", "/api/v1/persons", body("username", "kor.both",
                    "password", "officer-and-disclosure", "clearance", CLASS_I, "needToKnow", List.of("dprk"),
                    "roles", List.of("officer", "disclosure")));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            both = bearer(kor, "kor.both", "officer-and-disclosure");
        }
        return both;
    }

    // ---- public pages ---------------------------------------------------------------------------------

    @Nested
    class PublicPages {
        @Test
        void theRootSendsABrowserToTheWebUi() {
            Client.Response r = kor.get(null, "/");
            assertThat(r.status()).isEqualTo(302);
            assertThat(r.raw().headers().firstValue("Location")).hasValue("/ui");
        }

        @Test
        void healthSaysOkAndNamesTheParty() {
            assertThat(jpn.get(null, "/health").json()).isEqualTo(Json.MAPPER.createObjectNode()
                    .put("status", "ok").put("party", "JPN"));
        }

        @Test
        void theApiDescriptionNeedsNoToken() {
            assertThat(kor.get(null, "/api/v1/openapi.json").status()).isNotEqualTo(401);
        }

        @Test
        void theIdentityGivesTheNodesPublicKeysWithoutAToken() {
            Client.Response r = usa.get(null, "/federation/v1/identity");
            assertThat(r.status()).isEqualTo(200);
            JsonNode j = r.json();
            assertThat(keys(j)).containsExactly("party", "keyId", "signingKey", "kemKey", "logKey");
            assertThat(j.get("logKey").asText()).startsWith("trisec.USA/" + cluster.keys(USA).identity().keyId().value() + "+");
            assertThat(j.get("party").asText()).isEqualTo("USA");
            assertThat(j.get("keyId").asText()).isEqualTo(cluster.keys(USA).identity().keyId().value());
            assertThat(java.util.Base64.getDecoder().decode(j.get("signingKey").asText()))
                    .isEqualTo(cluster.keys(USA).identity().signingKey());
            assertThat(java.util.Base64.getDecoder().decode(j.get("kemKey").asText()))
                    .isEqualTo(cluster.keys(USA).identity().kemKey());
        }
    }

    // ---- sign-in and tokens ---------------------------------------------------------------------------

    @Nested
    class SignIn {
        @Test
        void theRightPasswordGivesATokenThatExpiresLater() {
            Client.Response r = kor.post(null, "/api/v1/auth/token", body("username", "kor.guest", "password", "demo"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(keys(r.json())).containsExactlyInAnyOrder("token", "expiresAt");
            assertThat(r.json().get("token").asText()).hasSizeGreaterThanOrEqualTo(40);
            assertThat(Instant.parse(r.json().get("expiresAt").asText())).isAfter(Instant.now());
            Client.Response me = ApiFixture.get(kor, "Bearer " + r.json().get("token").asText(), "/api/v1/me");
            assertThat(me.json().get("username").asText()).isEqualTo("kor.guest");
        }

        @Test
        void aTokenIsValidOnlyAtItsOwnNode() {
            Client.Response r = ApiFixture.get(jpn, "Bearer " + kor.token("kor.officer"), "/api/v1/me");
            assertError(r, 401, "UNAUTHENTICATED");
        }

        @Test
        void signInRequiresUsernameAndPassword() {
            assertError(kor.post(null, "/api/v1/auth/token", body("username", "kor.guest")), 400, "BAD_REQUEST");
            assertError(kor.post(null, "/api/v1/auth/token", body("password", "demo")), 400, "BAD_REQUEST");
        }

        @Test
        void signInRefusesMalformedJsonAndUnknownFields() {
            assertError(kor.post(null, "/api/v1/auth/token", "{\"username\":"), 400, "BAD_REQUEST");
            assertError(kor.post(null, "/api/v1/auth/token", ""), 400, "BAD_REQUEST");
            assertError(kor.post(null, "/api/v1/auth/token", "[]"), 400, "BAD_REQUEST");
            assertError(kor.post(null, "/api/v1/auth/token",
                    body("username", "kor.guest", "password", "demo", "otp", "123456")), 400, "BAD_REQUEST");
        }

        @Test
        void fiveWrongPasswordsLockTheAccountAndAnUnknownNameLooksLikeAWrongPassword() {
            Client.Response created = kor.post("kor.admin", "/api/v1/persons", body("username", "kor.lockout",
                    "password", "the-right-password", "clearance", CLASS_III, "needToKnow", List.of(),
                    "roles", List.of("reader")));
            assertThat(created.status()).as(created.body()).isEqualTo(201);

            JsonNode wrong = assertError(signIn(kor, "kor.lockout", "a-wrong-password"), 401, "UNAUTHENTICATED");
            JsonNode unknown = assertError(signIn(kor, "kor.nobody", "a-wrong-password"), 401, "UNAUTHENTICATED");
            assertThat(unknown.get("message").asText()).isEqualTo(wrong.get("message").asText());

            for (int attempt = 2; attempt <= 4; attempt++) {
                assertError(signIn(kor, "kor.lockout", "a-wrong-password"), 401, "UNAUTHENTICATED");
            }
            Client.Response fifth = signIn(kor, "kor.lockout", "a-wrong-password");
            assertThat(fifth.status()).as(fifth.body()).isIn(401, 423);

            assertError(signIn(kor, "kor.lockout", "the-right-password"), 423, "LOCKED");
            JsonNode listed = byIdUsername(persons(), "kor.lockout");
            assertThat(listed.get("locked").asBoolean()).isTrue();
            assertThat(byIdUsername(persons(), "kor.guest").get("locked").asBoolean()).isFalse();
        }

        private JsonNode byIdUsername(JsonNode persons, String username) {
            for (JsonNode p : persons.get("persons")) {
                if (p.get("username").asText().equals(username)) {
                    return p;
                }
            }
            throw new AssertionError("no person " + username);
        }
    }

    // ---- authentication on every protected route ------------------------------------------------------

    @Nested
    class Authentication {
        @ParameterizedTest(name = "{0} {1}")
        @CsvSource(delimiter = ' ', textBlock = """
                GET /api/v1/me
                GET /api/v1/items
                POST /api/v1/items
                GET /api/v1/items/x
                POST /api/v1/items/x/releases
                POST /api/v1/items/x/retract
                POST /api/v1/items/x/reclassify
                POST /api/v1/items/x/compromise
                GET /api/v1/items/x/reports
                POST /api/v1/releases/x/approve
                GET /api/v1/inbox
                GET /api/v1/outbox
                GET /api/v1/consents
                POST /api/v1/consents/x
                GET /api/v1/decide
                GET /api/v1/agreements
                POST /api/v1/agreements/x/events
                GET /api/v1/agreements/events
                GET /api/v1/persons
                POST /api/v1/persons
                """)
        void everyApiRouteButSignInNeedsABearerToken(String method, String path) {
            Client.Response r = ApiFixture.send(kor, null, method, path, method.equals("POST") ? "{}" : null);
            assertError(r, 401, "UNAUTHENTICATED");
            assertThat(r.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }

        @ParameterizedTest(name = "Authorization: {0}")
        @CsvSource(delimiter = '|', textBlock = """
                Bearer not-a-token
                Bearer
                Basic a29yLmd1ZXN0OmRlbW8=
                bearer abc
                """)
        void aBadTokenOrSchemeIsRefused(String authorization) {
            Client.Response r = ApiFixture.get(kor, authorization, "/api/v1/me");
            assertError(r, 401, "UNAUTHENTICATED");
            assertThat(r.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("Bearer"));
        }

        @Test
        void aBadTokenDoesNotReachTheHandler() {
            Client.Response r = ApiFixture.post(kor, "Bearer forged", "/api/v1/items", item("x", CLASS_II, "dprk"));
            assertError(r, 401, "UNAUTHENTICATED");
        }
    }

    // ---- me -------------------------------------------------------------------------------------------

    @Nested
    class Me {
        @Test
        void meDescribesTheSignedInPerson() {
            JsonNode me = kor.get("kor.analyst", "/api/v1/me").json();
            assertThat(keys(me)).containsExactly("username", "party", "nationality", "clearance", "needToKnow",
                    "roles");
            assertThat(me.get("username").asText()).isEqualTo("kor.analyst");
            assertThat(me.get("party").asText()).isEqualTo("KOR");
            assertThat(me.get("nationality").asText()).isEqualTo("KOR");
            assertThat(me.get("clearance").asText()).isEqualTo(CLASS_II);
            assertThat(texts(me.get("needToKnow"))).containsExactly("dprk", "consult");
            assertThat(texts(me.get("roles"))).containsExactly("reader");
        }

        @Test
        void eachNodeKnowsItsOwnPersonsInItsOwnScheme() {
            JsonNode me = jpn.get("jpn.officer", "/api/v1/me").json();
            assertThat(me.get("party").asText()).isEqualTo("JPN");
            assertThat(me.get("clearance").asText()).isEqualTo("機密");
            assertThat(texts(me.get("roles"))).containsExactly("officer");
        }
    }

    // ---- items ----------------------------------------------------------------------------------------

    @Nested
    class Items {
        @Test
        void anOfficerCreatesAnItemAndGetsItsIdBannerAndMarking() {
            Client.Response r = kor.post("kor.officer", "/api/v1/items",
                    item("launch report", CLASS_II, "dprk.missile"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            JsonNode j = r.json();
            String id = j.get("id").asText();
            assertThat(id).isNotBlank();
            assertThat(r.raw().headers().firstValue("Location")).hasValue("/api/v1/items/" + id);
            assertThat(j.get("banner").asText()).isEqualTo("SECRET");
            assertThat(j.get("heldLevel").asText()).isEqualTo(CLASS_II);
            assertThat(j.get("marking").asText()).isNotBlank();
            assertThat(j.get("title").asText()).isEqualTo("launch report");
            assertThat(j.get("body").asText()).isEqualTo("content of launch report");
            assertThat(j.get("state").asText()).isEqualTo("ACTIVE");
            assertThat(j.get("receivedFrom").isNull()).isTrue();
            assertThat(j.at("/label/originator").asText()).isEqualTo("KOR");
            assertThat(j.at("/label/level").asText()).isEqualTo(CLASS_II);
            assertThat(j.at("/label/topic").asText()).isEqualTo("dprk.missile");
            assertThat(j.at("/label/created").asText()).isNotBlank();
            assertThat(texts(j.get("access"))).isNotEmpty();

            Client.Response again = kor.get("kor.analyst", "/api/v1/items/" + id);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("banner").asText()).isEqualTo("SECRET");
            assertThat(again.json().get("body").asText()).isEqualTo("content of launch report");
        }

        @Test
        void aReleasabilityListIsInTheBannerUsaFirst() {
            Client.Response r = kor.post("kor.officer", "/api/v1/items", body("title", "t", "body", "b",
                    "level", CLASS_I, "topic", "dprk.nuclear", "relTo", List.of("JPN", "USA"), "caveats", List.of()));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("banner").asText()).isEqualTo("TOP SECRET//REL TO USA, JPN, KOR");
            assertThat(texts(r.json().at("/label/releasableTo"))).containsExactly("USA", "JPN", "KOR");
        }

        @Test
        void aNofornItemSaysSoInItsBanner() {
            Client.Response r = kor.post("kor.officer", "/api/v1/items", body("title", "t", "body", "b",
                    "level", CLASS_III, "topic", "dprk", "caveats", List.of("NOFORN")));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("banner").asText()).isEqualTo("CONFIDENTIAL//NOFORN");
        }

        @Test
        void theListShowsOnlyWhatThePersonMayRead() {
            String secret = newKoreanItem(CLASS_II);
            String topSecret = newKoreanItem(CLASS_I);
            JsonNode officer = kor.get("kor.officer", "/api/v1/items").json();
            assertThat(ids(officer, "items")).contains(secret, topSecret);
            JsonNode summary = byId(officer, "items", secret);
            assertThat(keys(summary)).containsExactly("id", "title", "banner", "marking", "label", "heldLevel",
                    "receivedFrom", "receivedAt", "state");
            assertThat(ids(kor.get("kor.analyst", "/api/v1/items").json(), "items")).contains(secret)
                    .doesNotContain(topSecret);
            assertThat(ids(kor.get("kor.guest", "/api/v1/items").json(), "items")).doesNotContain(secret, topSecret);
        }

        @Test
        void aReaderCannotCreateItems() {
            var before = koreanItemIds();
            assertError(kor.post("kor.analyst", "/api/v1/items", item("t", CLASS_III, "dprk")), 403, "FORBIDDEN");
            assertError(kor.post("kor.admin", "/api/v1/items", item("t", CLASS_III, "dprk")), 403, "FORBIDDEN");
            assertError(kor.post("kor.disclosure", "/api/v1/items", item("t", CLASS_III, "dprk")), 403, "FORBIDDEN");
            assertThat(koreanItemIds()).isEqualTo(before);
        }

        @Test
        void aLevelOfAnotherPartysSchemeIsBadInput() {
            assertError(kor.post("kor.officer", "/api/v1/items", item("t", GOKUHI, "dprk")), 400, "BAD_REQUEST");
            assertError(jpn.post("jpn.officer", "/api/v1/items", item("t", CLASS_II, "dprk")), 400, "BAD_REQUEST");
            assertError(usa.post("usa.officer", "/api/v1/items", item("t", "NOT A LEVEL", "dprk")), 400, "BAD_REQUEST");
        }

        @Test
        void aBadItemChangesNothing() {
            var before = koreanItemIds();
            String path = "/api/v1/items";
            assertError(kor.post("kor.officer", path, "{\"title\": \"t\", "), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, ""), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, "null"), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, body("title", "t", "body", "b", "level", CLASS_II,
                    "topic", "dprk", "classification", "x")), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, body("body", "b", "level", CLASS_II, "topic", "dprk")),
                    400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, body("title", " ", "body", "b", "level", CLASS_II,
                    "topic", "dprk")), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, body("title", "x".repeat(501), "body", "b", "level", CLASS_II,
                    "topic", "dprk")), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, body("title", "t", "level", CLASS_II, "topic", "dprk")),
                    400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, body("title", "t", "body", "b", "topic", "dprk")),
                    400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, body("title", "t", "body", "b", "level", CLASS_II)),
                    400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, item("t", CLASS_II, "DPRK Missile")), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, body("title", "t", "body", "b", "level", CLASS_II,
                    "topic", "dprk", "relTo", List.of("XYZ"))), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, body("title", "t", "body", "b", "level", CLASS_II,
                    "topic", "dprk", "caveats", List.of("EYES ONLY"))), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, body("title", "t", "body", "b", "level", CLASS_II,
                    "topic", "dprk", "relTo", List.of("USA"), "caveats", List.of("NOFORN"))), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, body("title", "t", "body", "b", "level", CLASS_II,
                    "topic", "dprk", "relTo", "JPN")), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, "{\"title\":\"t\",\"body\":\"b\",\"level\":\"" + CLASS_II
                    + "\",\"topic\":\"dprk\",\"relTo\":[null]}"), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, "{\"title\":\"t\",\"body\":\"b\",\"level\":\"" + CLASS_II
                    + "\",\"topic\":\"dprk\",\"caveats\":[null]}"), 400, "BAD_REQUEST");
            assertThat(koreanItemIds()).isEqualTo(before);
        }

        @Test
        void anOfficerCannotCreateAnItemTheyCouldNotRead() {
            var before = koreanItemIds();
            JsonNode e = assertError(kor.post("kor.officer", "/api/v1/items", item("t", CLASS_II, "china.navy")),
                    403, "ACCESS_DENIED");
            assertThat(texts(e.get("reasons"))).anySatisfy(r -> assertThat(r).contains("need-to-know"));
            assertThat(koreanItemIds()).isEqualTo(before);
        }

        @Test
        void aBodyOverOneMebibyteIsTooLarge() {
            var before = koreanItemIds();
            String big = "x".repeat((1 << 20) + 1);
            Client.Response r = kor.post("kor.officer", "/api/v1/items", body("title", "big", "body", big,
                    "level", CLASS_III, "topic", "dprk"));
            assertError(r, 413, "PAYLOAD_TOO_LARGE");
            assertThat(koreanItemIds()).isEqualTo(before);

            String exactly = "x".repeat(1 << 20);
            Client.Response ok = kor.post("kor.officer", "/api/v1/items", body("title", "max", "body", exactly,
                    "level", CLASS_III, "topic", "dprk"));
            assertThat(ok.status()).as("exactly 1 MiB is allowed").isEqualTo(201);
        }

        @Test
        void aRequestOverTheRequestLimitIsTooLarge() {
            String huge = "x".repeat(9 << 20);
            Client.Response r = kor.post("kor.officer", "/api/v1/items", body("title", "huge", "body", huge,
                    "level", CLASS_III, "topic", "dprk"));
            assertError(r, 413, "PAYLOAD_TOO_LARGE");
        }

        @Test
        void anUnknownItemIsNotFound() {
            assertError(kor.get("kor.officer", "/api/v1/items/no-such-item"), 404, "NOT_FOUND");
            assertError(kor.get("kor.officer", "/api/v1/items/" + "x".repeat(101)), 404, "NOT_FOUND");
        }

        @Test
        void aKoreanAnalystCannotReadAClassOneItem() {
            String id = newKoreanItem(CLASS_I);
            JsonNode e = assertError(kor.get("kor.analyst", "/api/v1/items/" + id), 403, "ACCESS_DENIED");
            assertThat(texts(e.get("reasons"))).anySatisfy(r -> assertThat(r).contains("clearance")
                    .contains(CLASS_II).contains(CLASS_I));
            assertThat(kor.get("kor.officer", "/api/v1/items/" + id).status()).isEqualTo(200);
        }

        @Test
        void aGuestWithoutNeedToKnowCannotReadEvenAnItemAtTheirLevel() {
            String id = newKoreanItem(CLASS_III);
            JsonNode e = assertError(kor.get("kor.guest", "/api/v1/items/" + id), 403, "ACCESS_DENIED");
            assertThat(texts(e.get("reasons"))).hasSize(1).allSatisfy(r -> assertThat(r).contains("need-to-know"));
        }
    }

    // ---- received copies ------------------------------------------------------------------------------

    @Nested
    class Copies {
        @Test
        void anApprovedReleaseIsDeliveredAndTheRecipientMarksItsCopy() {
            Delivered d = deliveredTo("JPN");
            JsonNode approved = d.approval().json();
            assertThat(approved.get("id").asText()).isEqualTo(d.releaseId());
            assertThat(approved.get("approvedBy").asText()).isEqualTo("kor.disclosure");
            assertThat(approved.get("requestedBy").asText()).isEqualTo("kor.officer");
            assertThat(approved.get("status").asText()).isIn("QUEUED", "DELIVERED");

            JsonNode copy = jpn.get("jpn.analyst", "/api/v1/items/" + d.itemId()).json();
            assertThat(copy.get("heldLevel").asText()).isEqualTo(GOKUHI);
            assertThat(copy.get("receivedFrom").asText()).isEqualTo("KOR");
            assertThat(copy.get("banner").asText()).isEqualTo("SECRET");
            assertThat(copy.at("/label/originator").asText()).isEqualTo("KOR");
            assertThat(copy.at("/label/level").asText()).isEqualTo(CLASS_II);

            Cluster.eventually(() -> "DELIVERED".equals(byId(outbox(kor), "releases", d.releaseId())
                    .get("status").asText()), "KOR has JPN's receipt");
            assertThat(byId(outbox(kor), "releases", d.releaseId()).get("receipt").isObject()).isTrue();
        }

        @Test
        void theInboxShowsReceivedCopiesToThoseWhoMayReadThem() {
            Delivered d = deliveredTo("JPN");
            JsonNode inbox = jpn.get("jpn.analyst", "/api/v1/inbox").json();
            assertThat(ids(inbox, "items")).contains(d.itemId());
            assertThat(byId(inbox, "items", d.itemId()).get("receivedFrom").asText()).isEqualTo("KOR");
            assertThat(ids(jpn.get("jpn.guest", "/api/v1/inbox").json(), "items")).doesNotContain(d.itemId());
            assertThat(ids(kor.get("kor.officer", "/api/v1/inbox").json(), "items")).doesNotContain(d.itemId());
        }

        @Test
        void aJapaneseGuestCannotReadAGokuhiCopy() {
            Delivered d = deliveredTo("JPN");
            JsonNode e = assertError(jpn.get("jpn.guest", "/api/v1/items/" + d.itemId()), 403, "ACCESS_DENIED");
            assertThat(texts(e.get("reasons"))).hasSize(2)
                    .anySatisfy(r -> assertThat(r).contains("clearance").contains(GOKUHI))
                    .anySatisfy(r -> assertThat(r).contains("need-to-know"));
        }

        @Test
        void aHolderReportsACompromiseAndTheOriginatorIsTold() {
            Delivered d = deliveredTo("JPN");
            Client.Response r = jpn.post("jpn.analyst", "/api/v1/items/" + d.itemId() + "/compromise",
                    body("detail", "laptop lost at Narita"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            JsonNode report = r.json();
            assertThat(keys(report)).containsExactly("id", "itemId", "reporter", "detail", "reportedAt");
            assertThat(report.get("reporter").asText()).isEqualTo("JPN");
            assertThat(report.get("itemId").asText()).isEqualTo(d.itemId());
            String reportId = report.get("id").asText();

            assertThat(ids(jpn.get("jpn.analyst", "/api/v1/items/" + d.itemId() + "/reports").json(), "reports"))
                    .contains(reportId);
            Cluster.eventually(() -> ids(kor.get("kor.officer", "/api/v1/items/" + d.itemId() + "/reports").json(),
                    "reports").contains(reportId), "KOR has JPN's report");
            JsonNode atKor = byId(kor.get("kor.officer", "/api/v1/items/" + d.itemId() + "/reports").json(),
                    "reports", reportId);
            assertThat(atKor.get("detail").asText()).isEqualTo("laptop lost at Narita");
            assertThat(atKor.get("reporter").asText()).isEqualTo("JPN");
        }

        @Test
        void onlyTheOriginatorRetractsOrReclassifies() {
            Delivered d = deliveredTo("JPN");
            assertError(jpn.post("jpn.officer", "/api/v1/items/" + d.itemId() + "/retract", ""), 403, "FORBIDDEN");
            assertError(jpn.post("jpn.officer", "/api/v1/items/" + d.itemId() + "/reclassify", body("level", "秘")),
                    403, "FORBIDDEN");
            assertThat(jpn.get("jpn.analyst", "/api/v1/items/" + d.itemId()).json().get("heldLevel").asText())
                    .isEqualTo(GOKUHI);
        }
    }

    // ---- reports --------------------------------------------------------------------------------------

    @Nested
    class Reports {
        @Test
        void theOriginatorRecordsACompromiseOfItsOwnItem() {
            String id = newKoreanItem(CLASS_III);
            assertThat(kor.get("kor.officer", "/api/v1/items/" + id + "/reports").json().get("reports")).isEmpty();
            Client.Response r = kor.post("kor.analyst", "/api/v1/items/" + id + "/compromise",
                    body("detail", " lost "));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("detail").asText()).isEqualTo("lost");
            assertThat(r.json().get("reporter").asText()).isEqualTo("KOR");
            JsonNode reports = kor.get("kor.analyst", "/api/v1/items/" + id + "/reports").json();
            assertThat(ids(reports, "reports")).containsExactly(r.json().get("id").asText());
        }

        @Test
        void aReportNeedsADetail() {
            String id = newKoreanItem(CLASS_III);
            String path = "/api/v1/items/" + id + "/compromise";
            assertError(kor.post("kor.officer", path, "{}"), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, body("detail", "  ")), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, body("detail", "x".repeat(10_001))), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, body("detail", "d", "severity", "high")), 400, "BAD_REQUEST");
            assertThat(kor.get("kor.officer", "/api/v1/items/" + id + "/reports").json().get("reports")).isEmpty();
        }

        @Test
        void whoCannotReadAnItemCannotReportOnItOrSeeItsReports() {
            String id = newKoreanItem(CLASS_I);
            assertError(kor.post("kor.analyst", "/api/v1/items/" + id + "/compromise", body("detail", "d")),
                    403, "ACCESS_DENIED");
            assertError(kor.get("kor.analyst", "/api/v1/items/" + id + "/reports"), 403, "ACCESS_DENIED");
            assertThat(kor.get("kor.officer", "/api/v1/items/" + id + "/reports").json().get("reports")).isEmpty();
        }

        @Test
        void reportsOfAnUnknownItemAreNotFound() {
            assertError(kor.get("kor.officer", "/api/v1/items/nope/reports"), 404, "NOT_FOUND");
            assertError(kor.post("kor.officer", "/api/v1/items/nope/compromise", body("detail", "d")),
                    404, "NOT_FOUND");
        }
    }

    // ---- retract and reclassify -----------------------------------------------------------------------

    @Nested
    class RetractAndReclassify {
        @Test
        void aRetractedItemIsGone() {
            String id = newKoreanItem(CLASS_II);
            Client.Response r = kor.post("kor.officer", "/api/v1/items/" + id + "/retract", "");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json()).isEqualTo(Json.MAPPER.createObjectNode().put("id", id).put("state", "RETRACTED"));

            assertError(kor.get("kor.officer", "/api/v1/items/" + id), 410, "RETRACTED");
            assertThat(koreanItemIds()).doesNotContain(id);
            assertError(kor.post("kor.officer", "/api/v1/items/" + id + "/releases", body("to", "JPN")),
                    410, "RETRACTED");
            assertError(kor.post("kor.officer", "/api/v1/items/" + id + "/retract", ""), 410, "RETRACTED");
        }

        @Test
        void aPendingReleaseOfARetractedItemCannotBeApproved() {
            String id = newKoreanItem(CLASS_II);
            String release = requestRelease(kor, "kor.officer", id, "JPN");
            assertThat(kor.post("kor.disclosure", "/api/v1/items/" + id + "/retract", "").status()).isEqualTo(200);
            assertError(approve(kor, "kor.disclosure", release), 410, "RETRACTED");
            assertThat(byId(outbox(kor), "releases", release).get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        }

        @Test
        void aRetractionReachesEveryHolder() {
            Delivered d = deliverNew("JPN");
            assertThat(kor.post("kor.officer", "/api/v1/items/" + d.itemId() + "/retract", "").status()).isEqualTo(200);
            Cluster.eventually(() -> jpn.get("jpn.analyst", "/api/v1/items/" + d.itemId()).status() == 410,
                    "JPN's copy is retracted");
            assertError(jpn.get("jpn.analyst", "/api/v1/items/" + d.itemId()), 410, "RETRACTED");
        }

        @Test
        void theOriginatorReclassifiesAndTheBannerFollows() {
            String id = newKoreanItem(CLASS_II);
            Client.Response r = kor.post("kor.officer", "/api/v1/items/" + id + "/reclassify", body("level", CLASS_I));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("id").asText()).isEqualTo(id);
            assertThat(r.json().at("/label/level").asText()).isEqualTo(CLASS_I);
            assertThat(r.json().get("heldLevel").asText()).isEqualTo(CLASS_I);
            assertThat(r.json().get("banner").asText()).isEqualTo("TOP SECRET");
            assertError(kor.get("kor.analyst", "/api/v1/items/" + id), 403, "ACCESS_DENIED");
        }

        @Test
        void reclassifyingNeedsALevelOfTheOriginatorsScheme() {
            String id = newKoreanItem(CLASS_II);
            String path = "/api/v1/items/" + id + "/reclassify";
            assertError(kor.post("kor.officer", path, "{}"), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, body("level", GOKUHI)), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, body("level", CLASS_I, "reason", "r")), 400, "BAD_REQUEST");
            assertThat(kor.get("kor.officer", "/api/v1/items/" + id).json().at("/label/level").asText())
                    .isEqualTo(CLASS_II);
        }

        @Test
        void aReaderCannotRetractOrReclassify() {
            String id = newKoreanItem(CLASS_III);
            assertError(kor.post("kor.analyst", "/api/v1/items/" + id + "/retract", ""), 403, "FORBIDDEN");
            assertError(kor.post("kor.analyst", "/api/v1/items/" + id + "/reclassify", body("level", CLASS_I)),
                    403, "FORBIDDEN");
            assertError(kor.post("kor.admin", "/api/v1/items/" + id + "/retract", ""), 403, "FORBIDDEN");
            assertThat(kor.get("kor.officer", "/api/v1/items/" + id).json().at("/label/level").asText())
                    .isEqualTo(CLASS_III);
        }

        @Test
        void retractingOrReclassifyingAnUnknownItemIsNotFound() {
            assertError(kor.post("kor.officer", "/api/v1/items/nope/retract", ""), 404, "NOT_FOUND");
            assertError(kor.post("kor.officer", "/api/v1/items/nope/reclassify", body("level", CLASS_I)),
                    404, "NOT_FOUND");
        }
    }

    // ---- releases -------------------------------------------------------------------------------------

    @Nested
    class Releases {
        @Test
        void aPermittedReleaseWaitsForApprovalWithItsDecision() {
            String id = newKoreanItem(CLASS_II);
            Client.Response r = kor.post("kor.officer", "/api/v1/items/" + id + "/releases", body("to", "JPN"));
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            assertThat(keys(r.json())).containsExactly("decision", "release");

            JsonNode d = r.json().get("decision");
            assertThat(keys(d)).containsExactly("decision", "route", "basis", "recipientLevel", "reasons");
            assertThat(d.get("decision").asText()).isEqualTo("PERMIT");
            assertThat(texts(d.get("route"))).containsExactly("KOR", "JPN");
            assertThat(texts(d.get("basis"))).containsExactly(KOR_JPN_GSOMIA);
            assertThat(d.get("recipientLevel").asText()).isEqualTo(GOKUHI);
            assertThat(texts(d.get("reasons"))).isNotEmpty();

            JsonNode release = r.json().get("release");
            assertThat(release.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
            assertThat(release.get("itemId").asText()).isEqualTo(id);
            assertThat(release.get("recipient").asText()).isEqualTo("JPN");
            assertThat(texts(release.get("route"))).containsExactly("KOR", "JPN");
            assertThat(texts(release.get("basis"))).containsExactly(KOR_JPN_GSOMIA);
            assertThat(release.get("recipientLevel").asText()).isEqualTo(GOKUHI);
            assertThat(release.get("requestedBy").asText()).isEqualTo("kor.officer");
            assertThat(release.get("approvedBy").isNull()).isTrue();
            assertThat(release.get("consentId").isNull()).isTrue();

            JsonNode listed = byId(outbox(kor), "releases", release.get("id").asText());
            assertThat(listed).isNotNull();
            assertThat(listed.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        }

        @Test
        void aDeniedReleaseIsRefusedWithReasonsAndChangesNothing() {
            String id = newKoreanItem(CLASS_I);
            var before = ids(outbox(kor), "releases");
            var consentsBefore = consents(kor, "kor.officer");
            JsonNode e = assertError(kor.post("kor.officer", "/api/v1/items/" + id + "/releases", body("to", "JPN")),
                    403, "RELEASE_DENIED");
            assertThat(texts(e.get("reasons"))).isNotEmpty().anySatisfy(r -> assertThat(r).contains(KOR_JPN_GSOMIA));
            assertThat(ids(outbox(kor), "releases")).isEqualTo(before);
            assertThat(consents(kor, "kor.officer")).isEqualTo(consentsBefore);
        }

        @Test
        void aNofornItemIsNeverReleased() {
            Client.Response created = kor.post("kor.officer", "/api/v1/items", body("title", "t", "body", "b",
                    "level", CLASS_III, "topic", "dprk", "caveats", List.of("NOFORN")));
            String id = created.json().get("id").asText();
            var before = ids(outbox(kor), "releases");
            JsonNode e = assertError(kor.post("kor.officer", "/api/v1/items/" + id + "/releases", body("to", "USA")),
                    403, "RELEASE_DENIED");
            assertThat(texts(e.get("reasons"))).anySatisfy(r -> assertThat(r).contains("NOFORN"));
            assertThat(ids(outbox(kor), "releases")).isEqualTo(before);
        }

        @Test
        void aReleaseNeedsAnotherKnownPartyAsRecipient() {
            String id = newKoreanItem(CLASS_II);
            String path = "/api/v1/items/" + id + "/releases";
            var before = ids(outbox(kor), "releases");
            assertError(kor.post("kor.officer", path, "{}"), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, body("to", "XYZ")), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, body("to", "KOR")), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, body("to", "JPN", "via", "USA")), 400, "BAD_REQUEST");
            assertError(kor.post("kor.officer", path, "{to: JPN}"), 400, "BAD_REQUEST");
            assertThat(ids(outbox(kor), "releases")).isEqualTo(before);
        }

        @Test
        void onlyAnOfficerRequestsReleases() {
            String id = newKoreanItem(CLASS_III);
            var before = ids(outbox(kor), "releases");
            for (String who : List.of("kor.analyst", "kor.disclosure", "kor.admin")) {
                assertError(kor.post(who, "/api/v1/items/" + id + "/releases", body("to", "JPN")), 403, "FORBIDDEN");
            }
            assertThat(ids(outbox(kor), "releases")).isEqualTo(before);
        }

        @Test
        void releasingAnUnknownItemIsNotFound() {
            assertError(kor.post("kor.officer", "/api/v1/items/nope/releases", body("to", "JPN")), 404, "NOT_FOUND");
        }

        @Test
        void onlyOfficersDisclosureOfficialsAndAdminsSeeTheOutbox() {
            assertError(kor.get("kor.analyst", "/api/v1/outbox"), 403, "FORBIDDEN");
            assertError(kor.get("kor.guest", "/api/v1/outbox"), 403, "FORBIDDEN");
            for (String who : List.of("kor.officer", "kor.disclosure", "kor.admin")) {
                Client.Response r = kor.get(who, "/api/v1/outbox");
                assertThat(r.status()).as(who).isEqualTo(200);
                assertThat(r.json().get("releases").isArray()).isTrue();
            }
        }

        @Test
        void theOutboxComesNewestFirstInPagesAndByStatus() {
            String first = requestRelease(kor, "kor.officer", newKoreanItem(CLASS_II), "USA");
            String second = requestRelease(kor, "kor.officer", newKoreanItem(CLASS_II), "USA");
            JsonNode one = kor.get("kor.disclosure", "/api/v1/outbox?limit=1").json();
            assertThat(one.get("releases").findValuesAsText("id")).containsExactly(second);
            assertThat(one.get("more").asBoolean()).isTrue();
            JsonNode two = kor.get("kor.disclosure", "/api/v1/outbox?limit=2").json();
            assertThat(two.get("releases").findValuesAsText("id")).containsExactly(second, first);

            JsonNode awaiting = kor.get("kor.disclosure", "/api/v1/outbox?status=AWAITING_APPROVAL&limit=1000").json();
            assertThat(awaiting.get("releases").findValuesAsText("status")).containsOnly("AWAITING_APPROVAL");
            assertThat(awaiting.get("releases").findValuesAsText("id")).contains(first, second);
            JsonNode delivered = kor.get("kor.disclosure", "/api/v1/outbox?status=DELIVERED,REFUSED").json();
            assertThat(delivered.get("releases").findValuesAsText("id")).doesNotContain(first, second);
            assertThat(delivered.get("more").asBoolean()).isFalse();

            assertError(kor.get("kor.disclosure", "/api/v1/outbox?limit=0"), 400, "BAD_REQUEST");
            assertError(kor.get("kor.disclosure", "/api/v1/outbox?limit=1001"), 400, "BAD_REQUEST");
            assertError(kor.get("kor.disclosure", "/api/v1/outbox?status=LOST"), 400, "BAD_REQUEST");
        }

        @Test
        void theOutboxAndConsentsShowOnlyReleasesOfItemsTheCallerMaySee() {
            String id = newKoreanItem(CLASS_II);
            String release = requestRelease(kor, "kor.officer", id, "USA");
            assertError(kor.get("kor.admin", "/api/v1/items/" + id), 403, "ACCESS_DENIED");

            assertThat(kor.get("kor.admin", "/api/v1/outbox").json().get("releases").findValuesAsText("id"))
                    .doesNotContain(release);
            assertThat(kor.get("kor.admin", "/api/v1/consents").json().get("consents").findValuesAsText("itemId"))
                    .doesNotContain(id);
            assertThat(kor.get("kor.disclosure", "/api/v1/outbox").json().get("releases").findValuesAsText("id"))
                    .contains(release);
        }

        @Test
        void theOutboxShowsEachReleaseWithItsFields() {
            String id = newKoreanItem(CLASS_II);
            String release = requestRelease(kor, "kor.officer", id, "USA");
            JsonNode listed = byId(outbox(kor), "releases", release);
            assertThat(keys(listed)).containsExactly("id", "itemId", "recipient", "route", "basis", "recipientLevel",
                    "status", "requestedBy", "approvedBy", "requestedAt", "updatedAt", "consentId", "authority",
                    "forOriginator",
                    "receipt", "refusal");
            assertThat(texts(listed.get("basis"))).containsExactly(USA_KOR_GSOMIA);
            assertThat(listed.get("recipientLevel").asText()).isEqualTo("SECRET");
        }
    }

    // ---- approvals ------------------------------------------------------------------------------------

    @Nested
    class Approvals {
        @Test
        void theRequesterCannotApproveTheirOwnRelease() {
            Client.Response created = ApiFixture.post(kor, both(), "/api/v1/items",
                    item("two-person", CLASS_II, "dprk"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asText();
            Client.Response requested = ApiFixture.post(kor, both(), "/api/v1/items/" + id + "/releases",
                    body("to", "JPN"));
            assertThat(requested.status()).as(requested.body()).isEqualTo(202);
            String release = requested.json().at("/release/id").asText();
            JsonNode before = byId(outbox(kor), "releases", release);

            JsonNode e = assertError(ApiFixture.post(kor, both(), "/api/v1/releases/" + release + "/approve", ""),
                    403, "FORBIDDEN");
            assertThat(e.get("message").asText()).contains("two-person");
            assertThat(byId(outbox(kor), "releases", release)).isEqualTo(before);

            Client.Response other = approve(kor, "kor.disclosure", release);
            assertThat(other.status()).as(other.body()).isEqualTo(200);
            assertThat(other.json().get("requestedBy").asText()).isEqualTo("kor.both");
            assertThat(other.json().get("approvedBy").asText()).isEqualTo("kor.disclosure");
        }

        @Test
        void aReleaseIsApprovedOnlyOnce() {
            String id = newKoreanItem(CLASS_II);
            String release = requestRelease(kor, "kor.officer", id, "USA");
            Client.Response first = approve(kor, "kor.disclosure", release);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.json().get("status").asText()).isIn("QUEUED", "DELIVERED");
            Client.Response second = ApiFixture.post(kor, both(), "/api/v1/releases/" + release + "/approve", "");
            assertError(second, 409, "CONFLICT");
            assertThat(byId(outbox(kor), "releases", release).get("approvedBy").asText()).isEqualTo("kor.disclosure");
        }

        @Test
        void onlyADisclosureOfficialApproves() {
            String id = newKoreanItem(CLASS_II);
            String release = requestRelease(kor, "kor.officer", id, "JPN");
            for (String who : List.of("kor.officer", "kor.analyst", "kor.admin")) {
                assertError(approve(kor, who, release), 403, "FORBIDDEN");
            }
            JsonNode listed = byId(outbox(kor), "releases", release);
            assertThat(listed.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
            assertThat(listed.get("approvedBy").isNull()).isTrue();
        }

        @Test
        void approvingAnUnknownReleaseIsNotFound() {
            assertError(approve(kor, "kor.disclosure", "no-such-release"), 404, "NOT_FOUND");
        }

        @Test
        void aReleaseIsApprovedOnlyAtTheNodeThatHoldsIt() {
            String id = newKoreanItem(CLASS_II);
            String release = requestRelease(kor, "kor.officer", id, "JPN");
            assertError(approve(jpn, "jpn.disclosure", release), 404, "NOT_FOUND");
        }
    }

    // ---- consents (third-party rule) ------------------------------------------------------------------

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Consents {
        String itemId;
        String consentId;
        String releaseId;

        @BeforeAll
        void usaHoldsAKoreanItem() {
            itemId = deliveredTo("USA").itemId();
        }

        @Test
        @Order(1)
        void aUsaHeldCopyOfAKoreanItemNeedsKoreasConsentToGoToJapan() {
            Client.Response r = usa.post("usa.officer", "/api/v1/items/" + itemId + "/releases", body("to", "JPN"));
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            JsonNode d = r.json().get("decision");
            assertThat(keys(d)).containsExactly("decision", "route", "basis", "recipientLevel", "reasons");
            assertThat(d.get("decision").asText()).isEqualTo("CONSENT_REQUIRED");
            assertThat(texts(d.get("route"))).containsExactly("USA", "JPN");
            assertThat(texts(d.get("basis"))).containsExactly(USA_JPN_GSOMIA);
            assertThat(d.get("recipientLevel").asText()).isEqualTo(GOKUHI);
            assertThat(texts(d.get("reasons"))).anySatisfy(x -> assertThat(x).contains("KOR"));

            JsonNode release = r.json().get("release");
            assertThat(release.get("status").asText()).isEqualTo("CONSENT_PENDING");
            assertThat(release.get("consentId").isTextual()).isTrue();
            releaseId = release.get("id").asText();
            consentId = release.get("consentId").asText();

            assertError(approve(usa, "usa.disclosure", releaseId), 409, "CONFLICT");
            assertThat(byId(outbox(usa), "releases", releaseId).get("status").asText()).isEqualTo("CONSENT_PENDING");

            JsonNode asked = byId(consents(usa, "usa.officer"), "consents", consentId);
            assertThat(asked.get("direction").asText()).isEqualTo("OUT");
            assertThat(asked.get("state").asText()).isEqualTo("PENDING");
            assertThat(asked.get("originator").asText()).isEqualTo("KOR");
        }

        @Test
        @Order(2)
        void theOriginatorsNodeListsTheRequest() {
            Cluster.eventually(() -> byId(consents(kor, "kor.disclosure"), "consents", consentId) != null,
                    "KOR has the consent request");
            JsonNode c = byId(consents(kor, "kor.disclosure"), "consents", consentId);
            assertThat(keys(c)).containsExactly("id", "itemId", "originator", "holder", "recipient", "direction",
                    "state", "requestedAt", "decidedAt", "decidedBy");
            assertThat(c.get("itemId").asText()).isEqualTo(itemId);
            assertThat(c.get("originator").asText()).isEqualTo("KOR");
            assertThat(c.get("holder").asText()).isEqualTo("USA");
            assertThat(c.get("recipient").asText()).isEqualTo("JPN");
            assertThat(c.get("direction").asText()).isEqualTo("IN");
            assertThat(c.get("state").asText()).isEqualTo("PENDING");
            assertThat(c.get("decidedAt").isNull()).isTrue();
        }

        @Test
        @Order(3)
        void onlyADisclosureOfficialOfTheOriginatorDecides() {
            JsonNode before = consents(kor, "kor.disclosure");
            for (String who : List.of("kor.officer", "kor.analyst", "kor.admin")) {
                assertError(kor.post(who, "/api/v1/consents/" + consentId, body("grant", true)), 403, "FORBIDDEN");
            }
            assertError(usa.post("usa.disclosure", "/api/v1/consents/" + consentId, body("grant", true)),
                    403, "FORBIDDEN");
            assertThat(consents(kor, "kor.disclosure")).isEqualTo(before);
            assertThat(byId(consents(usa, "usa.officer"), "consents", consentId).get("state").asText())
                    .isEqualTo("PENDING");
        }

        @Test
        @Order(4)
        void aConsentDecisionIsAnExplicitBoolean() {
            JsonNode before = consents(kor, "kor.disclosure");
            String path = "/api/v1/consents/" + consentId;
            assertError(kor.post("kor.disclosure", path, "{}"), 400, "BAD_REQUEST");
            assertError(kor.post("kor.disclosure", path, ""), 400, "BAD_REQUEST");
            assertError(kor.post("kor.disclosure", path, body("grant", true, "comment", "ok")), 400, "BAD_REQUEST");
            assertThat(consents(kor, "kor.disclosure")).isEqualTo(before);
        }

        @Test
        @Order(5)
        void theOriginatorGrantsAndTheHolderMayThenRelease() {
            Client.Response r = kor.post("kor.disclosure", "/api/v1/consents/" + consentId, body("grant", true));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("state").asText()).isEqualTo("GRANTED");
            assertThat(r.json().get("decidedBy").asText()).isEqualTo("kor.disclosure");
            assertThat(r.json().get("decidedAt").isTextual()).isTrue();

            Cluster.eventually(() -> "AWAITING_APPROVAL".equals(byId(outbox(usa), "releases", releaseId)
                    .get("status").asText()), "USA's release awaits approval");
            Client.Response approved = approve(usa, "usa.disclosure", releaseId);
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            Cluster.eventually(() -> jpn.get("jpn.analyst", "/api/v1/items/" + itemId).status() == 200,
                    "JPN holds the item");
            JsonNode copy = jpn.get("jpn.analyst", "/api/v1/items/" + itemId).json();
            assertThat(copy.get("receivedFrom").asText()).isEqualTo("USA");
            assertThat(copy.get("heldLevel").asText()).isEqualTo(GOKUHI);
            assertThat(copy.at("/label/originator").asText()).isEqualTo("KOR");
        }

        @Test
        @Order(6)
        void aConsentIsDecidedOnlyOnce() {
            JsonNode before = consents(kor, "kor.disclosure");
            assertError(kor.post("kor.disclosure", "/api/v1/consents/" + consentId, body("grant", false)),
                    409, "CONFLICT");
            assertThat(consents(kor, "kor.disclosure")).isEqualTo(before);
            assertThat(byId(before, "consents", consentId).get("state").asText()).isEqualTo("GRANTED");
        }

        @Test
        @Order(7)
        void aRefusedConsentStopsTheRelease() {
            String other = deliverNew("USA").itemId();
            Client.Response r = usa.post("usa.officer", "/api/v1/items/" + other + "/releases", body("to", "JPN"));
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            String release = r.json().at("/release/id").asText();
            String consent = r.json().at("/release/consentId").asText();
            Cluster.eventually(() -> byId(consents(kor, "kor.disclosure"), "consents", consent) != null,
                    "KOR has the consent request");
            Client.Response refused = kor.post("kor.disclosure", "/api/v1/consents/" + consent, body("grant", false));
            assertThat(refused.status()).as(refused.body()).isEqualTo(200);
            assertThat(refused.json().get("state").asText()).isEqualTo("REFUSED");
            Cluster.eventually(() -> "CONSENT_REFUSED".equals(byId(outbox(usa), "releases", release)
                    .get("status").asText()), "USA's release is refused");
            assertError(approve(usa, "usa.disclosure", release), 409, "CONFLICT");
        }

        @Test
        void decidingAnUnknownConsentIsNotFound() {
            assertError(kor.post("kor.disclosure", "/api/v1/consents/no-such-consent", body("grant", true)),
                    404, "NOT_FOUND");
        }

        @Test
        void readersDoNotSeeConsents() {
            assertError(kor.get("kor.analyst", "/api/v1/consents"), 403, "FORBIDDEN");
            assertError(kor.get("kor.guest", "/api/v1/consents"), 403, "FORBIDDEN");
            assertThat(kor.get("kor.admin", "/api/v1/consents").status()).isEqualTo(200);
        }
    }

    // ---- decide ---------------------------------------------------------------------------------------

    @Nested
    class Decide {
        /** What {@code trisec decide --json} prints for the same inputs: Views.decision of the core's policy. */
        JsonNode cli(String at, String originator, String holder, String to, String level, String topic,
                     boolean consent) {
            var scenario = ScenarioFiles.shipped();
            var label = LabelInput.parse(scenario, originator, level, topic, List.of(), List.of());
            var h = holder == null ? label.originator() : scenario.party(holder);
            var d = ReleasePolicy.of(scenario).decide(new ReleaseRequest(label, h, scenario.party(to),
                    trisec.DateOrInstant.parse(at), consent));
            return Json.MAPPER.valueToTree(Views.decision(d));
        }

        JsonNode decide(String... params) {
            Client.Response r = kor.get("kor.guest", query("/api/v1/decide", params));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            return r.json();
        }

        @Test
        void underTheGsomiaAKoreanClassTwoItemGoesDirectlyToJapan() {
            JsonNode d = decide("at", "2017-03-01", "originator", "KOR", "to", "JPN", "level", CLASS_II,
                    "topic", "dprk.missile");
            assertThat(keys(d)).containsExactly("decision", "route", "basis", "recipientLevel", "reasons");
            assertThat(d.get("decision").asText()).isEqualTo("PERMIT");
            assertThat(texts(d.get("route"))).containsExactly("KOR", "JPN");
            assertThat(texts(d.get("basis"))).containsExactly(KOR_JPN_GSOMIA);
            assertThat(d.get("recipientLevel").asText()).isEqualTo(GOKUHI);
            assertThat(d).isEqualTo(cli("2017-03-01", "KOR", null, "JPN", CLASS_II, "dprk.missile", false));
        }

        @Test
        void beforeTheGsomiaTisaRoutesThroughTheUnitedStates() {
            JsonNode d = decide("at", "2015-06-01", "originator", "KOR", "to", "JPN", "level", CLASS_II,
                    "topic", "dprk.missile");
            assertThat(d.get("decision").asText()).isEqualTo("PERMIT");
            assertThat(texts(d.get("route"))).containsExactly("KOR", "USA", "JPN");
            assertThat(texts(d.get("basis"))).containsExactly(TISA, USA_KOR_GSOMIA, USA_JPN_GSOMIA);
            assertThat(d.get("recipientLevel").asText()).isEqualTo(GOKUHI);
            assertThat(d).isEqualTo(cli("2015-06-01", "KOR", null, "JPN", CLASS_II, "dprk.missile", false));
        }

        @Test
        void aHolderOtherThanTheOriginatorNeedsConsentUnlessItIsOnRecord() {
            JsonNode without = decide("at", "2017-03-01", "originator", "KOR", "holder", "USA", "to", "JPN",
                    "level", CLASS_II, "topic", "dprk.missile");
            assertThat(without.get("decision").asText()).isEqualTo("CONSENT_REQUIRED");
            assertThat(without).isEqualTo(cli("2017-03-01", "KOR", "USA", "JPN", CLASS_II, "dprk.missile", false));
            JsonNode with = decide("at", "2017-03-01", "originator", "KOR", "holder", "USA", "to", "JPN",
                    "level", CLASS_II, "topic", "dprk.missile", "consent", "true");
            assertThat(with.get("decision").asText()).isEqualTo("PERMIT");
            assertThat(with).isEqualTo(cli("2017-03-01", "KOR", "USA", "JPN", CLASS_II, "dprk.missile", true));
        }

        @Test
        void aDenyHasAnEmptyRouteAndNoRecipientLevel() {
            JsonNode d = decide("at", "2013-06-01", "originator", "KOR", "to", "JPN", "level", CLASS_II,
                    "topic", "dprk.missile");
            assertThat(d.get("decision").asText()).isEqualTo("DENY");
            assertThat(d.get("route")).isEmpty();
            assertThat(d.get("recipientLevel").isNull()).isTrue();
            assertThat(texts(d.get("reasons"))).isNotEmpty();
        }

        @Test
        void releasabilityAndCaveatsAreQueryParameters() {
            JsonNode noforn = decide("at", "2017-03-01", "originator", "KOR", "to", "JPN", "level", CLASS_II,
                    "topic", "dprk.missile", "caveat", "NOFORN");
            assertThat(noforn.get("decision").asText()).isEqualTo("DENY");
            JsonNode relUsa = decide("at", "2017-03-01", "originator", "KOR", "to", "JPN", "level", CLASS_II,
                    "topic", "dprk.missile", "relTo", "USA");
            assertThat(relUsa.get("decision").asText()).isEqualTo("DENY");
            JsonNode relBoth = decide("at", "2017-03-01", "originator", "KOR", "to", "JPN", "level", CLASS_II,
                    "topic", "dprk.missile", "relTo", "USA,JPN");
            assertThat(relBoth.get("decision").asText()).isEqualTo("PERMIT");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                unknown originator             | at=2017-03-01&originator=XYZ&to=JPN&level=SECRET&topic=dprk
                unknown recipient              | at=2017-03-01&originator=USA&to=XYZ&level=SECRET&topic=dprk
                unknown holder                 | at=2017-03-01&originator=USA&holder=XYZ&to=JPN&level=SECRET&topic=dprk
                level of another scheme        | at=2017-03-01&originator=KOR&to=JPN&level=SECRET&topic=dprk
                malformed date                 | at=2017-13-01&originator=USA&to=JPN&level=SECRET&topic=dprk
                not a date                     | at=yesterday&originator=USA&to=JPN&level=SECRET&topic=dprk
                holder is the recipient        | at=2017-03-01&originator=USA&holder=JPN&to=JPN&level=SECRET&topic=dprk
                originator is the recipient    | at=2017-03-01&originator=USA&to=USA&level=SECRET&topic=dprk
                no recipient                   | at=2017-03-01&originator=USA&level=SECRET&topic=dprk
                no level                       | at=2017-03-01&originator=USA&to=JPN&topic=dprk
                bad topic                      | at=2017-03-01&originator=USA&to=JPN&level=SECRET&topic=DPRK!
                unknown caveat                 | at=2017-03-01&originator=USA&to=JPN&level=SECRET&topic=dprk&caveat=EYES
                NOFORN with relTo              | originator=USA&to=JPN&level=S&topic=dprk&caveat=NOFORN&relTo=JPN
                """)
        void badInputIsABadRequestNotADecision(String what, String params) {
            assertError(kor.get("kor.guest", "/api/v1/decide?" + params), 400, "BAD_REQUEST");
        }

        @Test
        void aLevelOfTheOriginatorsSchemeIsNeededInKorean() {
            assertError(kor.get("kor.guest", query("/api/v1/decide", "at", "2017-03-01", "originator", "KOR",
                    "to", "JPN", "level", GOKUHI, "topic", "dprk")), 400, "BAD_REQUEST");
        }
    }

    // ---- agreements -----------------------------------------------------------------------------------

    @Nested
    class Agreements {
        JsonNode agreement(JsonNode list, String id) {
            for (JsonNode a : list.get("agreements")) {
                if (a.get("id").asText().equals(id)) {
                    return a;
                }
            }
            throw new AssertionError("no agreement " + id);
        }

        @Test
        void inSeptember2019TheGsomiaWasInForceWithTerminationPending() {
            Client.Response r = kor.get("kor.guest", "/api/v1/agreements?at=2019-09-01");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("at").asText()).isEqualTo("2019-09-01T00:00:00Z");
            JsonNode g = agreement(r.json(), KOR_JPN_GSOMIA);
            assertThat(keys(g)).containsExactly("id", "kind", "title", "parties", "hub", "legallyBinding", "status",
                    "events");
            assertThat(g.get("kind").asText()).isEqualTo("SIA");
            assertThat(texts(g.get("parties"))).containsExactlyInAnyOrder("KOR", "JPN");
            assertThat(g.at("/status/code").asText()).isEqualTo("IN_FORCE_TERMINATION_PENDING");
            assertThat(g.at("/status/terminationEffective").asText()).isEqualTo("2019-11-23");
            assertThat(g.get("events").findValuesAsText("type")).containsExactly("SIGNED", "IN_FORCE",
                    "TERMINATION_NOTICE");
        }

        @Test
        void theListHasEveryAgreementOfTheScenario() {
            JsonNode list = jpn.get("jpn.guest", "/api/v1/agreements?at=2024-12-01").json();
            assertThat(list.get("agreements").findValuesAsText("id")).containsExactlyElementsOf(
                    ScenarioFiles.shipped().agreements().stream().map(trisec.agreement.Agreement::id).toList());
            assertThat(agreement(list, TISA).get("hub").asText()).isEqualTo("USA");
            assertThat(agreement(list, TISA).get("legallyBinding").asBoolean()).isFalse();
            assertThat(agreement(list, KOR_JPN_GSOMIA).at("/status/code").asText()).isEqualTo("IN_FORCE");
        }

        @Test
        void withoutADateTheListIsForNow() {
            JsonNode list = usa.get("usa.guest", "/api/v1/agreements").json();
            Instant at = Instant.parse(list.get("at").asText());
            assertThat(at).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        }

        @Test
        void aMalformedDateIsABadRequest() {
            assertError(kor.get("kor.guest", "/api/v1/agreements?at=2019-02-30"), 400, "BAD_REQUEST");
            assertError(kor.get("kor.guest", "/api/v1/agreements?at=soon"), 400, "BAD_REQUEST");
        }
    }

    // ---- agreement events -----------------------------------------------------------------------------

    @Nested
    class AgreementEvents {
        static final String MDT = "usa-kor-mdt-1953";

        @Test
        void anAdminRecordsAnEventThatReachesThePartners() {
            Client.Response r = kor.post("kor.admin", "/api/v1/agreements/" + MDT + "/events", body("type", "AMENDED",
                    "date", "2024-01-15", "by", "KOR", "note", "exchange of notes"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            JsonNode e = r.json();
            assertThat(keys(e)).containsExactly("id", "agreementId", "type", "date", "by", "effective", "note",
                    "recordedBy");
            assertThat(e.get("agreementId").asText()).isEqualTo(MDT);
            assertThat(e.get("type").asText()).isEqualTo("AMENDED");
            assertThat(e.get("date").asText()).isEqualTo("2024-01-15");
            assertThat(e.get("by").asText()).isEqualTo("KOR");
            assertThat(e.get("recordedBy").asText()).isEqualTo("kor.admin");
            String id = e.get("id").asText();

            assertThat(ids(recordedEvents(kor, "kor.guest"), "events")).contains(id);
            JsonNode now = kor.get("kor.guest", "/api/v1/agreements?at=2024-06-01").json();
            assertThat(agreementEvents(now, MDT)).contains("AMENDED");

            Cluster.eventually(() -> ids(recordedEvents(usa, "usa.guest"), "events").contains(id),
                    "USA recorded KOR's note");
            assertThat(agreementEvents(usa.get("usa.guest", "/api/v1/agreements?at=2024-06-01").json(), MDT))
                    .contains("AMENDED");
        }

        private List<String> agreementEvents(JsonNode list, String id) {
            for (JsonNode a : list.get("agreements")) {
                if (a.get("id").asText().equals(id)) {
                    return a.get("events").findValuesAsText("type");
                }
            }
            throw new AssertionError("no agreement " + id);
        }

        @Test
        void withdrawingANoticeThatWasNeverGivenIsInvalidAndChangesNothing() {
            JsonNode before = recordedEvents(kor, "kor.guest");
            JsonNode agreementsBefore = kor.get("kor.guest", "/api/v1/agreements?at=2025-01-01").json();
            JsonNode e = assertError(kor.post("kor.admin", "/api/v1/agreements/" + KOR_JPN_GSOMIA + "/events",
                    body("type", "NOTICE_WITHDRAWN", "date", "2024-06-01", "by", "KOR")), 422, "INVALID_EVENT");
            assertThat(e.get("message").asText()).contains("withdraw");
            assertThat(recordedEvents(kor, "kor.guest")).isEqualTo(before);
            assertThat(kor.get("kor.guest", "/api/v1/agreements?at=2025-01-01").json()).isEqualTo(agreementsBefore);
        }

        @Test
        void anEventDatedBeforeTheLastOneIsInvalid() {
            JsonNode before = recordedEvents(kor, "kor.guest");
            JsonNode e = assertError(kor.post("kor.admin", "/api/v1/agreements/" + KOR_JPN_GSOMIA + "/events",
                    body("type", "AMENDED", "date", "2020-01-01")), 422, "INVALID_EVENT");
            assertThat(e.get("message").asText()).contains("before");
            assertThat(recordedEvents(kor, "kor.guest")).isEqualTo(before);
        }

        @Test
        void aNoticeWithoutTermsMustStateItsDate() {
            JsonNode before = recordedEvents(kor, "kor.guest");
            assertError(kor.post("kor.admin", "/api/v1/agreements/" + USA_KOR_GSOMIA + "/events",
                    body("type", "TERMINATION_NOTICE", "date", "2024-06-01", "by", "KOR")), 422, "INVALID_EVENT");
            assertThat(recordedEvents(kor, "kor.guest")).isEqualTo(before);
        }

        @Test
        void aNodeRecordsEventsOnlyForItsOwnPartysAgreements() {
            JsonNode before = recordedEvents(jpn, "jpn.guest");
            assertError(jpn.post("jpn.admin", "/api/v1/agreements/" + USA_KOR_GSOMIA + "/events",
                    body("type", "AMENDED", "date", "2024-06-01")), 403, "FORBIDDEN");
            assertThat(recordedEvents(jpn, "jpn.guest")).isEqualTo(before);
        }

        @Test
        void onlyAnAdminRecordsEvents() {
            JsonNode before = recordedEvents(kor, "kor.guest");
            for (String who : List.of("kor.officer", "kor.disclosure", "kor.analyst")) {
                assertError(kor.post(who, "/api/v1/agreements/" + MDT + "/events",
                        body("type", "AMENDED", "date", "2024-06-01")), 403, "FORBIDDEN");
            }
            assertThat(recordedEvents(kor, "kor.guest")).isEqualTo(before);
        }

        @Test
        void anUnknownAgreementIsNotFound() {
            assertError(kor.post("kor.admin", "/api/v1/agreements/no-such-agreement/events",
                    body("type", "AMENDED", "date", "2024-06-01")), 404, "NOT_FOUND");
        }

        @Test
        void aMalformedEventIsABadRequest() {
            JsonNode before = recordedEvents(kor, "kor.guest");
            String path = "/api/v1/agreements/" + MDT + "/events";
            assertError(kor.post("kor.admin", path, body("date", "2024-06-01")), 400, "BAD_REQUEST");
            assertError(kor.post("kor.admin", path, body("type", "AMENDED")), 400, "BAD_REQUEST");
            assertError(kor.post("kor.admin", path, body("type", "RENEGOTIATED", "date", "2024-06-01")),
                    400, "BAD_REQUEST");
            assertError(kor.post("kor.admin", path, body("type", "AMENDED", "date", "June 2024")), 400, "BAD_REQUEST");
            assertError(kor.post("kor.admin", path, body("type", "AMENDED", "date", "2024-06-01", "by", "JPN")),
                    400, "BAD_REQUEST");
            assertError(kor.post("kor.admin", path, body("type", "AMENDED", "date", "2024-06-01", "by", "XYZ")),
                    400, "BAD_REQUEST");
            assertError(kor.post("kor.admin", path, body("type", "AMENDED", "date", "2024-06-01",
                    "note", "x".repeat(1001))), 400, "BAD_REQUEST");
            assertError(kor.post("kor.admin", path, body("type", "AMENDED", "date", "2024-06-01", "place", "Seoul")),
                    400, "BAD_REQUEST");
            assertError(kor.post("kor.admin", path, "{"), 400, "BAD_REQUEST");
            assertThat(recordedEvents(kor, "kor.guest")).isEqualTo(before);
        }

        @Test
        void everySignedInPersonSeesTheRecordedEvents() {
            Client.Response r = kor.get("kor.guest", "/api/v1/agreements/events");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("events").isArray()).isTrue();
        }
    }

    // ---- persons --------------------------------------------------------------------------------------

    @Nested
    class Persons {
        @Test
        void anAdminListsThePersonsWithoutTheirSecrets() {
            JsonNode list = persons();
            assertThat(ApiFixture.usernames(list)).containsKeys("kor.officer", "kor.disclosure", "kor.analyst",
                    "kor.guest", "kor.admin");
            JsonNode officer = list.get("persons").findParents("username").stream()
                    .filter(p -> p.get("username").asText().equals("kor.officer")).findFirst().orElseThrow();
            assertThat(keys(officer)).containsExactly("id", "username", "nationality", "clearance", "needToKnow",
                    "roles", "locked", "disabled");
            assertThat(officer.get("clearance").asText()).isEqualTo(CLASS_I);
            assertThat(texts(officer.get("roles"))).containsExactly("officer");
            assertThat(list.toString()).doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("hash");
        }

        @Test
        void onlyAnAdminListsOrCreatesPersons() {
            var before = ApiFixture.usernames(persons()).keySet();
            for (String who : List.of("kor.officer", "kor.disclosure", "kor.analyst", "kor.guest")) {
                assertError(kor.get(who, "/api/v1/persons"), 403, "FORBIDDEN");
                assertError(kor.post(who, "/api/v1/persons", body("username", "kor.intruder",
                        "password", "long-enough-password", "clearance", CLASS_I, "roles", List.of("admin"))),
                        403, "FORBIDDEN");
            }
            assertThat(ApiFixture.usernames(persons()).keySet()).isEqualTo(before);
        }

        @Test
        void anAdminCreatesAPersonWhoCanSignIn() {
            Client.Response r = jpn.post("jpn.admin", "/api/v1/persons", body("username", "jpn.watch",
                    "password", "watch-officer-pass", "clearance", "特定秘密", "needToKnow", List.of("dprk.missile"),
                    "roles", List.of("reader", "Officer")));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            JsonNode p = r.json();
            assertThat(p.get("username").asText()).isEqualTo("jpn.watch");
            assertThat(p.get("nationality").asText()).isEqualTo("JPN");
            assertThat(p.get("clearance").asText()).isEqualTo("特定秘密");
            assertThat(texts(p.get("needToKnow"))).containsExactly("dprk.missile");
            assertThat(texts(p.get("roles"))).containsExactlyInAnyOrder("reader", "officer");
            assertThat(p.get("locked").asBoolean()).isFalse();

            String token = ApiFixture.bearer(jpn, "jpn.watch", "watch-officer-pass");
            JsonNode me = ApiFixture.get(jpn, token, "/api/v1/me").json();
            assertThat(me.get("clearance").asText()).isEqualTo("特定秘密");
            assertThat(texts(me.get("roles"))).containsExactly("officer", "reader");
        }

        @Test
        void aNewPersonIsValidatedAndABadOneChangesNothing() {
            var before = ApiFixture.usernames(persons()).keySet();
            String path = "/api/v1/persons";
            assertError(kor.post("kor.admin", path, body("username", "kor.short", "password", "elevenchars",
                    "clearance", CLASS_III, "roles", List.of("reader"))), 400, "BAD_REQUEST");
            assertError(kor.post("kor.admin", path, body("username", "kor.role", "password", "long-enough-password",
                    "clearance", CLASS_III, "roles", List.of("superuser"))), 400, "BAD_REQUEST");
            assertError(kor.post("kor.admin", path, body("username", "kor.noroles", "password", "long-enough-password",
                    "clearance", CLASS_III, "roles", List.of())), 400, "BAD_REQUEST");
            assertError(kor.post("kor.admin", path, body("username", "kor.level", "password", "long-enough-password",
                    "clearance", "SECRET", "roles", List.of("reader"))), 400, "BAD_REQUEST");
            assertError(kor.post("kor.admin", path, body("username", "kor.level", "password", "long-enough-password",
                    "clearance", GOKUHI, "roles", List.of("reader"))), 400, "BAD_REQUEST");
            assertError(kor.post("kor.admin", path, body("username", "Kor Upper", "password", "long-enough-password",
                    "clearance", CLASS_III, "roles", List.of("reader"))), 400, "BAD_REQUEST");
            assertError(kor.post("kor.admin", path, body("username", "kor.topic", "password", "long-enough-password",
                    "clearance", CLASS_III, "needToKnow", List.of("Not A Topic"), "roles", List.of("reader"))),
                    400, "BAD_REQUEST");
            assertError(kor.post("kor.admin", path, body("username", "kor.missing", "password", "long-enough-password",
                    "roles", List.of("reader"))), 400, "BAD_REQUEST");
            assertError(kor.post("kor.admin", path, body("username", "kor.extra", "password", "long-enough-password",
                    "clearance", CLASS_III, "roles", List.of("reader"), "nationality", "USA")), 400, "BAD_REQUEST");
            assertError(kor.post("kor.admin", path, "{\"username\":"), 400, "BAD_REQUEST");
            assertError(kor.post("kor.admin", path, "{\"username\":\"kor.nullrole\","
                    + "\"password\":\"long-enough-password\","
                    + "\"clearance\":\"" + CLASS_III + "\",\"roles\":[null]}"), 400, "BAD_REQUEST");
            assertError(kor.post("kor.admin", path, "{\"username\":\"kor.nulltopic\","
                    + "\"password\":\"long-enough-password\","
                    + "\"clearance\":\"" + CLASS_III + "\",\"roles\":[\"reader\"],\"needToKnow\":[null]}"),
                    400, "BAD_REQUEST");
            assertThat(ApiFixture.usernames(persons()).keySet()).isEqualTo(before);
        }

        @Test
        void aUsernameIsTakenOnlyOnce() {
            var before = persons();
            assertError(kor.post("kor.admin", "/api/v1/persons", body("username", "kor.officer",
                    "password", "another-long-password", "clearance", CLASS_III, "roles", List.of("reader"))),
                    409, "CONFLICT");
            assertThat(persons()).isEqualTo(before);
        }
    }

    // ---- routing and federation input -----------------------------------------------------------------

    @Nested
    class Routing {
        @Test
        void anUnknownRouteIsAJsonNotFound() {
            assertError(kor.get(null, "/api/v1/nothing-here"), 404, "NOT_FOUND");
            assertError(kor.get("kor.officer", "/api/v1/nothing-here"), 404, "NOT_FOUND");
            assertError(kor.get(null, "/no/such/page"), 404, "NOT_FOUND");
            assertError(kor.post("kor.officer", "/api/v2/items", "{}"), 404, "NOT_FOUND");
        }

        @Test
        void anUnsupportedMethodOnAKnownPathIsAJsonError() {
            Client.Response r = ApiFixture.send(kor, "Bearer " + kor.token("kor.admin"), "DELETE",
                    "/api/v1/persons", null);
            assertThat(r.status()).isIn(404, 405);
            assertError(r, r.status(), r.status() == 404 ? "NOT_FOUND" : "METHOD_NOT_ALLOWED");
        }

        @Test
        void aMalformedEnvelopeIsRefusedWithoutAToken() {
            assertError(kor.post(null, "/federation/v1/envelopes", "not json"), 400, "MALFORMED_ENVELOPE");
            assertError(kor.post(null, "/federation/v1/envelopes", "{}"), 400, "MALFORMED_ENVELOPE");
            assertError(kor.post(null, "/federation/v1/envelopes", ""), 400, "MALFORMED_ENVELOPE");
            assertError(kor.post(null, "/federation/v1/envelopes", "[1,2,3]"), 400, "MALFORMED_ENVELOPE");
            assertError(kor.post(null, "/federation/v1/envelopes", body("header", "x", "payload", 1)),
                    400, "MALFORMED_ENVELOPE");
        }
    }
}
