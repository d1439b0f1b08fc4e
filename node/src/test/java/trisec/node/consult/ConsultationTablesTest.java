package trisec.node.consult;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import trisec.node.federation.Messages.ConsultationOpened;
import trisec.node.federation.Messages.ConsultationStep;
import trisec.node.store.Store;
import trisec.node.store.TestStore;
import trisec.party.Party;

/**
 * The consultation tables on both stores: an opening is kept once; one acknowledgement per party; a party's draft
 * and an action's state are replaced only by later ones, so steps may arrive in any order; a consultation is closed
 * once; an action keeps its proposer's signed original; a party's withheld steps are kept with the policy's reasons.
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
            assertThat(Consultations.action(h, ID, done, Optional.empty())).isTrue();
            assertThat(Consultations.action(h, ID, open, Optional.empty())).isFalse();
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

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void aConsultationIsClosedOnceAndThenAwaitsNoAcknowledgement(String kind) {
        Store store = stores.open(kind);
        var opening = new ConsultationOpened(ID, "camp-david-commitment-2023", "KOR",
                "b457714d-e261-4332-affd-92d538c341db", OPENED.toString(), "key", "sig");
        var origin = new ConsultationStep(opening, "ACTION", ACTION, "JPN", OPENED.plusSeconds(30).toString(),
                "Press line", "USA", "2024-11-02", "OPEN", "JPN", "key", "sig", null);
        store.useTransaction(h -> {
            Consultations.insert(h, opening);
            assertThat(Consultations.awaiting(h, JPN)).extracting(Consultations.Row::id).containsExactly(ID);
            assertThat(Consultations.awaiting(h, KOR)).isEmpty();
            Consultations.action(h, ID, new Consultations.Action(ACTION, JPN, "Press line", USA, "2024-11-02", "OPEN",
                    OPENED.plusSeconds(30)), Optional.of(origin));
            Consultations.withhold(h, ID, new Consultations.Withheld(USA, "ACTION", ACTION, OPENED.plusSeconds(40),
                    List.of("an earlier state of the action")));
            // The action's status change, withheld in its turn under the same step id, replaces it.
            Consultations.withhold(h, ID, new Consultations.Withheld(USA, "DRAFT", ACTION, OPENED.plusSeconds(50),
                    List.of("not releasable to USA", "second reason")));
            assertThat(Consultations.close(h, ID, OPENED.plusSeconds(60), "kor.officer", Optional.of("Agreed")))
                    .isTrue();
            assertThat(Consultations.close(h, ID, OPENED.plusSeconds(70), "kor.officer", Optional.empty())).isFalse();
            assertThat(Consultations.awaiting(h, JPN)).isEmpty();
        });
        var row = store.read(h -> Consultations.byId(h, ID)).orElseThrow();
        assertThat(row.closed()).contains(new Consultations.Closed(OPENED.plusSeconds(60), "kor.officer",
                Optional.of("Agreed")));
        assertThat(store.read(h -> Consultations.action(h, ACTION)).orElseThrow().origin()).contains(origin);
        List<Consultations.Withheld> withheld = store.read(h -> Consultations.withheld(h, ID));
        assertThat(withheld).containsExactly(new Consultations.Withheld(USA,
                "DRAFT", ACTION, OPENED.plusSeconds(50), List.of("not releasable to USA", "second reason")));
    }
}
