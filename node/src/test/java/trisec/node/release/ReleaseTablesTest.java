package trisec.node.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import trisec.item.Consent;
import trisec.item.Release;
import trisec.node.consent.ConsentCase;
import trisec.node.consent.Consents;
import trisec.node.federation.Messages.ConsentProof;
import trisec.node.item.ItemRow;
import trisec.node.item.Items;
import trisec.node.store.TestStore;
import trisec.node.store.Store;
import trisec.party.Party;
import trisec.scenario.Scenario;
import trisec.scenario.file.ScenarioFiles;

/**
 * The release and consent tables on both stores: what is stored reads back as the same typed release and consent
 * (parties, the recipient's level in its own scheme, a hub release's origin, the originator's proof), and the
 * queries that tell an originator who holds its item.
 */
class ReleaseTablesTest {
    private static final Instant T = Instant.parse("2019-08-23T09:15:30.123456Z");
    private static final Party KOR = Party.of("KOR");
    private static final Party JPN = Party.of("JPN");
    private static final Party USA = Party.of("USA");

    private final Scenario scenario = ScenarioFiles.shipped();
    private final TestStore stores = new TestStore();

    private Store open(String kind) {
        return stores.open(kind);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    private static ItemRow item(String id) {
        return new ItemRow(id, "KOR", "군사Ⅱ급비밀", List.of("USA", "JPN", "KOR"), List.of(), "dprk.missile", T,
                "제목", "본문", "군사Ⅱ급비밀", "0123456789abcdef", "c2lnbmF0dXJl", Optional.empty(), Optional.empty(),
                ItemRow.ACTIVE, Optional.of("p1"));
    }

    private TrackedRelease release(String id, String item, List<Party> route, ReleaseStatus status,
                                   Optional<TrackedRelease.Origin> origin) {
        var r = new Release(id, item, route, List.of("tisa-2014", "kor-usa", "jpn-usa"),
                Optional.of(scenario.scheme(route.getLast())
                        .level(route.getLast().equals(JPN) ? "極秘" : "SECRET")));
        return new TrackedRelease(r, status, Optional.of("p1"), Optional.of("p2"), T, T.plusSeconds(5),
                Optional.of("c1"), origin, Optional.of("{\"receipt\":{}}"), Optional.of("no"), Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "postgres"})
    void releasesAndConsentsReadBackAsTheyWereStored(String kind) {
        Store s = open(kind);
        var viaHub = release("r1", "i1", List.of(KOR, USA, JPN), ReleaseStatus.AWAITING_APPROVAL, Optional.empty());
        var forwarded = new TrackedRelease(new Release("r2", "i1", List.of(USA, JPN), List.of("jpn-usa"),
                Optional.empty()), ReleaseStatus.QUEUED, Optional.empty(), Optional.empty(), T, T, Optional.empty(),
                Optional.of(new TrackedRelease.Origin(KOR, "r0")), Optional.empty(), Optional.empty(),
                Optional.of("a1"));
        var proof = new ConsentProof("c2", "i1", "KOR", "JPN", true, T.toString(), "key", "sig");
        var asked = new ConsentCase(new Consent("c1", "i1", KOR, USA, JPN), ConsentCase.Direction.IN,
                ConsentCase.State.PENDING, T, Optional.empty(), Optional.empty(), Optional.empty());
        var granted = new ConsentCase(new Consent("c2", "i1", KOR, KOR, JPN), ConsentCase.Direction.OUT,
                ConsentCase.State.GRANTED, T, Optional.of(T), Optional.empty(), Optional.of(proof));
        s.useTransaction(h -> {
            Items.insert(h, item("i1"));
            Releases.insert(h, viaHub);
            Releases.insert(h, forwarded);
            Consents.insert(h, asked);
            Consents.insert(h, granted);
        });
        s.read(h -> {
            assertThat(Releases.byId(h, scenario, "r1")).contains(viaHub);
            assertThat(Releases.byId(h, scenario, "r2")).contains(forwarded);
            assertThat(Releases.byOrigin(h, scenario, KOR, "r0")).contains(forwarded);
            assertThat(Releases.byConsent(h, scenario, "c1")).contains(viaHub);
            assertThat(Consents.byId(h, "c1")).contains(asked);
            assertThat(Consents.byId(h, "c2")).contains(granted);
            assertThat(Consents.granted(h, "i1", JPN)).contains(granted);
            assertThat(Consents.granted(h, "i1", USA)).isEmpty();
            return null;
        });
        assertThat(viaHub.release().hub()).contains(USA);
        assertThat(viaHub.release().recipientLevel().orElseThrow().party()).isEqualTo(JPN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "postgres"})
    void theHoldersOfAnItemAreThoseItsReleasesReachedAndThoseItsConsentsAllowed(String kind) {
        Store s = open(kind);
        s.useTransaction(h -> {
            Items.insert(h, item("i1"));
            Items.insert(h, item("i2"));
            Releases.insert(h, release("r1", "i1", List.of(KOR, USA, JPN), ReleaseStatus.FORWARDING,
                    Optional.empty()));
            Releases.insert(h, release("r2", "i1", List.of(KOR, JPN), ReleaseStatus.AWAITING_APPROVAL,
                    Optional.empty()));
            Releases.insert(h, release("r3", "i2", List.of(KOR, USA), ReleaseStatus.DELIVERED, Optional.empty()));
            Consents.insert(h, new ConsentCase(new Consent("c1", "i1", KOR, USA, JPN), ConsentCase.Direction.IN,
                    ConsentCase.State.GRANTED, T, Optional.of(T), Optional.of("p1"), Optional.empty()));
            Consents.insert(h, new ConsentCase(new Consent("c2", "i1", KOR, JPN, USA), ConsentCase.Direction.IN,
                    ConsentCase.State.REFUSED, T, Optional.of(T), Optional.of("p1"), Optional.empty()));
        });
        var holders = new Recipients();
        s.read(h -> {
            assertThat(holders.routes(h, "i1")).containsExactly(List.of(KOR, USA, JPN));
            assertThat(Releases.routes(h, "i1", Set.of(ReleaseStatus.AWAITING_APPROVAL)))
                    .containsExactly(List.of(KOR, JPN));
            assertThat(holders.routes(h, "i2")).containsExactly(List.of(KOR, USA));
            assertThat(holders.allowedOnward(h, "i1")).containsExactly(JPN);
            assertThat(holders.allowedOnward(h, "i2")).isEmpty();
            return null;
        });
    }
}
