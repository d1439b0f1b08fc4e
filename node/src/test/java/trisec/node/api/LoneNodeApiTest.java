package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.KOR;
import static trisec.node.api.ApiFixture.CLASS_II;
import static trisec.node.api.ApiFixture.assertError;
import static trisec.node.api.ApiFixture.bearer;
import static trisec.node.api.ApiFixture.body;
import static trisec.node.api.ApiFixture.ids;
import static trisec.node.api.ApiFixture.item;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.scenario.file.ScenarioFiles;
import trisec.node.Node;

/**
 * A KOR node alone, without peers and with short-lived tokens: what the trilateral cluster cannot show (an
 * expired token, a release to a party whose node this one cannot reach).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoneNodeApiTest {
    static final Duration TOKEN_LIFETIME = Duration.ofSeconds(4);

    Cluster cluster;
    Client kor;

    @BeforeAll
    void start() {
        cluster = Cluster.start(List.of(KOR), ScenarioFiles.shipped(), Optional.empty(), c -> c.toBuilder().tokenLifetime(TOKEN_LIFETIME).build());
        kor = cluster.client(KOR);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        Client.Response signedIn = ApiFixture.signIn(kor, "kor.guest", "demo");
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        String token = "Bearer " + signedIn.json().get("token").asText();
        Instant expires = Instant.parse(signedIn.json().get("expiresAt").asText());
        assertThat(ApiFixture.get(kor, token, "/api/v1/me").status()).isEqualTo(200);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis()) + 300);

        Client.Response r = ApiFixture.get(kor, token, "/api/v1/me");
        assertError(r, 401, "UNAUTHENTICATED");
        assertThat(r.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer"));
    }

    @Test
    void aReleaseToAPartyThisNodeCannotReachIsAConflictAndChangesNothing() {
        String officer = bearer(kor, "kor.officer", "demo");
        Client.Response created = ApiFixture.post(kor, officer, "/api/v1/items", item("unreachable", CLASS_II,
                "dprk.missile"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();

        var before = ids(ApiFixture.get(kor, officer, "/api/v1/outbox").json(), "releases");
        assertError(ApiFixture.post(kor, officer, "/api/v1/items/" + id + "/releases", body("to", "JPN")),
                409, "NO_PEER");
        assertThat(ids(ApiFixture.get(kor, officer, "/api/v1/outbox").json(), "releases")).isEqualTo(before);
        assertThat(ApiFixture.get(kor, officer, "/api/v1/consents").json().get("consents")).isEmpty();
    }
}
