package trisec.node.consult;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import trisec.node.federation.Messages.ConsultationOpened;
import trisec.node.store.Store;
import trisec.node.store.TestStore;
import trisec.party.Party;

/**
 * The consultation tables on both stores: an opening is kept once; one acknowledgement per party; a party's draft
 * and an action's state are replaced only by later ones, so steps may arrive in any order.
 */
class ConsultationTablesTest {
    private static final String ID = "6d7ab2d1-d883-40f7-bc06-9b40071a2210";
    private static final String ACTION = "cd79da62-a365-4f7b-82a8-44974d5d6802";
    private static final Instant OPENED = Instant.parse("2024-10-31T00:00:05.123456Z");
    private static final Party KOR = Party.of("KOR");
    private static final Party JPN = Party.of("JPN");
    private static final Party USA = Party.of("USA");

    private final TestStore stores = new TestStore();

    @AfterEach
    void close() {
        stores.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void stepsArrivingInAnyOrderLeaveTheLatestStanding(String kind) {
        Store store = stores.open(kind);
        var opening = new ConsultationOpened(ID, "camp-david-commitment-2023", "KOR",
                "b457714d-e261-4332-affd-92d538c341db", OPENED.toString(), "key", "sig");
        store.useTransaction(h -> {
            assertThat(Consultations.insert(h, opening)).isTrue();
            assertThat(Consultations.insert(h, opening)).isFalse();
            assertThat(Consultations.acknowledge(h, ID, JPN, OPENED.plusSeconds(3))).isTrue();
            assertThat(Consultations.acknowledge(h, ID, JPN, OPENED.plusSeconds(4))).isFalse();
            // The second draft arrives first; the first, older, changes nothing.
            assertThat(Consultations.draft(h, ID, USA, "second", OPENED.plusSeconds(20))).isTrue();
            assertThat(Consultations.draft(h, ID, USA, "first", OPENED.plusSeconds(10))).isFalse();
            var open = new Consultations.Action(ACTION, JPN, "Press line", USA, "2024-11-02", "OPEN",
                    OPENED.plusSeconds(30));
            var done = new Consultations.Action(ACTION, JPN, "Press line", USA, "2024-11-02", "DONE",
                    OPENED.plusSeconds(40));
            assertThat(Consultations.action(h, ID, done)).isTrue();
            assertThat(Consultations.action(h, ID, open)).isFalse();
        });
        var row = store.read(h -> Consultations.byId(h, ID)).orElseThrow();
        assertThat(row.opener()).isEqualTo(KOR);
        assertThat(row.openedAt()).isEqualTo(OPENED);
        assertThat(row.opening()).isEqualTo(opening);
        List<Consultations.Ack> acks = store.read(h -> Consultations.acks(h, ID));
        List<Consultations.Draft> drafts = store.read(h -> Consultations.drafts(h, ID));
        List<Consultations.Action> actions = store.read(h -> Consultations.actions(h, ID));
        assertThat(acks).containsExactly(new Consultations.Ack(JPN, OPENED.plusSeconds(3)));
        assertThat(drafts).containsExactly(new Consultations.Draft(USA, "second", OPENED.plusSeconds(20)));
        assertThat(actions).extracting(Consultations.Action::status).containsExactly("DONE");
    }
}
