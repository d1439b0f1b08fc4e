package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.party.Party;

/**
 * An originator that has let its item go to partners: a standing release authority, agreed by two of its disclosure
 * officials, on a topic of the item's own. An imported copy of another party's item is confirmed by its originator only
 * where the originator's record lets the item be there (a release, a consent, an authority; docs/INTEROP.md); tests
 * that import an item give it this ground, made after the item so that the authority does not release it at once.
 */
final class LetGo {
    private static final AtomicInteger N = new AtomicInteger();

    private LetGo() {}

    /** A topic under {@code topic} that no other item has, so that an authority on it covers one item alone. */
    static String ownTopic(String topic) {
        return topic + ".only" + N.incrementAndGet();
    }

    /** An authority of {@code originator}'s on {@code topic}, to {@code recipients}, at any level: its id. */
    static String authority(Cluster c, Party originator, String topic, List<String> recipients) {
        Client client = c.client(originator);
        String official = originator.code().toLowerCase() + ".disclosure";
        String second = official + "2";
        {
            // Made once a cluster: a second time, the person exists (409) and signing in again is harmless.
            var made = client.post(originator.code().toLowerCase() + ".admin", "/api/v1/persons", ApiFixture.body(
                    "username", second, "password", "second-official", "clearance",
                    c.config(originator).scenario().scheme(originator).highest().name(), "needToKnow",
                    List.of("dprk", "china", "consult", "misc"), "roles", List.of("disclosure")));
            assertThat(made.status()).as(made.body()).isIn(201, 409);
            client.signIn(second, "second-official");
        }
        var proposed = client.post(official, "/api/v1/authorities", ApiFixture.body("topic", topic, "highest",
                c.config(originator).scenario().scheme(originator).highest().name(), "recipients", recipients,
                "validFrom", "2014-01-01"));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String id = proposed.json().get("id").asText();
        var approved = client.post(second, "/api/v1/authorities/" + id + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }
}
