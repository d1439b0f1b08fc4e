package trisec.node.consult;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import trisec.consult.StatementRevision;
import trisec.consult.StatementTexts;
import trisec.node.store.Store;
import trisec.node.store.TestStore;
import trisec.party.Party;

/**
 * The statements' tables on both stores: the texts come back byte for byte (so the hash computed from them is the one
 * signed), instants to the microsecond, a signature once per party and revision, and the latest revision only moves
 * forward.
 */
class StatementTablesTest {
    private static final Party KOR = Party.of("KOR");
    private static final Party JPN = Party.of("JPN");
    private static final Instant AT = Instant.parse("2024-11-20T09:30:00.123456Z");
    private static final String ID = "7a0d6c1e-3b7f-4c8e-9a51-2f6e0b9d4c13";

    private final TestStore stores = new TestStore();

    @AfterEach
    void close() {
        stores.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void aStatementItsRevisionsAndSignaturesComeBackAsStored(String kind) {
        Store store = stores.open(kind);
        var texts = new StatementTexts("한미일 협력\r\n\t둘째 줄 🇰🇷", "日米韓の協力\n二行目", "Cooperation\nsecond line");
        var first = new StatementRevision(ID, 1, "secretariat", Optional.of("2024-11-20-seoul"), "Inaugural", texts);
        var second = new StatementRevision(ID, 2, "secretariat", Optional.of("2024-11-20-seoul"), "Inaugural",
                new StatementTexts(texts.ko(), texts.ja(), texts.en() + "."));
        store.useTransaction(h -> {
            Statements.insert(h, new Statements.Row(ID, "secretariat", first.meeting(), KOR, AT, 1, Optional.empty()));
            Statements.insertRevision(h, new Statements.Held(first, KOR, AT));
            Statements.insertRevision(h, new Statements.Held(second, JPN, AT.plusSeconds(60)));
            Statements.moveTo(h, ID, 2);
            Statements.moveTo(h, ID, 1);
            assertThat(Statements.insertSignature(h, new Statements.Signature(ID, 2, JPN, second.hashText(), "k",
                    "sig", AT.plusSeconds(61)))).isTrue();
            assertThat(Statements.insertSignature(h, new Statements.Signature(ID, 2, JPN, "other", "k", "sig2",
                    AT.plusSeconds(62)))).isFalse();
        });
        var row = store.read(h -> Statements.byId(h, ID)).orElseThrow();
        assertThat(row.revision()).isEqualTo(2);
        assertThat(row.draftedAt()).isEqualTo(AT);
        assertThat(row.meeting()).contains("2024-11-20-seoul");
        assertThat(row.adoptedAt()).isEmpty();
        var held = store.read(h -> Statements.revision(h, row, 1)).orElseThrow();
        assertThat(held.revision()).isEqualTo(first);
        assertThat(held.revision().hash()).isEqualTo(first.hash());
        java.util.List<Integer> revisions = store.read(h -> Statements.revisions(h, ID));
        assertThat(revisions).containsExactly(1, 2);
        java.util.List<Statements.Signature> signatures = store.read(h -> Statements.signatures(h, ID, 2));
        assertThat(signatures).singleElement()
                .satisfies(s -> assertThat(s.hash()).isEqualTo(second.hashText()))
                .satisfies(s -> assertThat(s.signedAt()).isEqualTo(AT.plusSeconds(61)));
        store.useTransaction(h -> Statements.adopted(h, ID, AT.plusSeconds(90)));
        assertThat(store.read(h -> Statements.byId(h, ID)).orElseThrow().adoptedAt()).contains(AT.plusSeconds(90));
    }
}
