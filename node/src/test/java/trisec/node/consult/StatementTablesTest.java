package trisec.node.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import trisec.consult.RevisionId;
import trisec.consult.StatementRevision;
import trisec.consult.StatementTexts;
import trisec.node.store.Databases;
import trisec.node.store.Store;
import trisec.node.store.TestStore;
import trisec.party.Party;

/**
 * The statements' tables on both stores: the texts come back byte for byte (so the hash computed from them is the one
 * signed), instants to the microsecond, a signature once per party and revision, the latest revision only moves
 * forward in the order every node shares (number, then proposer), two parties' revisions of one number are both kept,
 * a signature whose proposer is not known is kept until a revision of its number with its hash arrives, and a store
 * of the earlier tables is carried over with every revision and latest revision named, and every signature named by
 * its proposer where the store holds its revision, never by a guess.
 */
class StatementTablesTest {
    private static final Party KOR = Party.of("KOR");
    private static final Party JPN = Party.of("JPN");
    private static final Party USA = Party.of("USA");
    private static final Instant AT = Instant.parse("2024-11-20T09:30:00.123456Z");
    private static final String ID = "7a0d6c1e-3b7f-4c8e-9a51-2f6e0b9d4c13";

    private final TestStore stores = new TestStore();

    // Reads with a type the assertions can see (the store's read is generic in its exception too).

    private static Optional<Statements.Row> byId(Store store, String id) {
        return store.read(h -> Statements.byId(h, id));
    }

    private static Optional<Statements.Held> revision(Store store, Statements.Row row, RevisionId r) {
        return store.read(h -> Statements.revision(h, row, r));
    }

    private static List<Statements.Held> numbered(Store store, Statements.Row row, int n) {
        return store.read(h -> Statements.numbered(h, row, n));
    }

    private static List<RevisionId> revisions(Store store, String id) {
        return store.read(h -> Statements.revisions(h, id));
    }

    private static Optional<Statements.Signature> signature(Store store, String id, RevisionId r, Party p) {
        return store.read(h -> Statements.signature(h, id, r, p));
    }

    private static List<Statements.Signature> signatures(Store store, String id, RevisionId r) {
        return store.read(h -> Statements.signatures(h, id, r));
    }

    private static List<Statements.Kept> kept(Store store, String id) {
        return store.read(h -> Statements.kept(h, id));
    }

    private static List<Statements.Withheld> withheld(Store store, String id, RevisionId r) {
        return store.read(h -> Statements.withheld(h, id, r));
    }

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
        var byJpn = new RevisionId(2, JPN);
        store.useTransaction(h -> {
            Statements.insert(h, new Statements.Row(ID, "secretariat", first.meeting(), KOR, AT,
                    new RevisionId(1, KOR), Optional.empty()));
            Statements.insertRevision(h, new Statements.Held(first, KOR, AT));
            Statements.insertRevision(h, new Statements.Held(second, JPN, AT.plusSeconds(60)));
            Statements.moveTo(h, ID, byJpn);
            Statements.moveTo(h, ID, new RevisionId(1, USA));
            assertThat(Statements.insertSignature(h, new Statements.Signature(ID, byJpn, JPN, second.hashText(), "k",
                    "sig", AT.plusSeconds(61)))).isTrue();
            assertThat(Statements.insertSignature(h, new Statements.Signature(ID, byJpn, JPN, "other", "k", "sig2",
                    AT.plusSeconds(62)))).isFalse();
        });
        var row = store.read(h -> Statements.byId(h, ID)).orElseThrow();
        assertThat(row.latest()).isEqualTo(byJpn);
        assertThat(row.draftedAt()).isEqualTo(AT);
        assertThat(row.meeting()).contains("2024-11-20-seoul");
        assertThat(row.adoptedAt()).isEmpty();
        var held = store.read(h -> Statements.revision(h, row, new RevisionId(1, KOR))).orElseThrow();
        assertThat(held.revision()).isEqualTo(first);
        assertThat(held.revision().hash()).isEqualTo(first.hash());
        assertThat(revision(store, row, new RevisionId(1, JPN))).isEmpty();
        List<RevisionId> revisions = store.read(h -> Statements.revisions(h, ID));
        assertThat(revisions).containsExactly(new RevisionId(1, KOR), byJpn);
        List<Statements.Signature> signatures = store.read(h -> Statements.signatures(h, ID, byJpn));
        assertThat(signatures).singleElement()
                .satisfies(s -> assertThat(s.hash()).isEqualTo(second.hashText()))
                .satisfies(s -> assertThat(s.signedAt()).isEqualTo(AT.plusSeconds(61)));
        store.useTransaction(h -> Statements.adopted(h, ID, AT.plusSeconds(90)));
        assertThat(byId(store, ID).orElseThrow().adoptedAt()).contains(AT.plusSeconds(90));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void twoPartiesRevisionsOfOneNumberAreBothKeptAndTheLatestIsTheSameWhicheverCameFirst(String kind) {
        Store store = stores.open(kind);
        var texts = new StatementTexts("협력", "協力", "Cooperation");
        var byKor = new StatementRevision(ID, 2, "leaders", Optional.empty(), "T",
                new StatementTexts(texts.ko(), texts.ja(), "Cooperation, as Korea put it."));
        var byUsa = new StatementRevision(ID, 2, "leaders", Optional.empty(), "T",
                new StatementTexts(texts.ko(), texts.ja(), "Cooperation, as the USA put it."));
        store.useTransaction(h -> {
            Statements.insert(h, new Statements.Row(ID, "leaders", Optional.empty(), KOR, AT, new RevisionId(1, KOR),
                    Optional.empty()));
            Statements.insertRevision(h, new Statements.Held(new StatementRevision(ID, 1, "leaders",
                    Optional.empty(), "T", texts), KOR, AT));
            // The USA's arrives first, then Korea's: the USA's stays the latest.
            Statements.insertRevision(h, new Statements.Held(byUsa, USA, AT.plusSeconds(5)));
            Statements.moveTo(h, ID, new RevisionId(2, USA));
            Statements.insertRevision(h, new Statements.Held(byKor, KOR, AT.plusSeconds(4)));
            Statements.moveTo(h, ID, new RevisionId(2, KOR));
            Statements.insertSignature(h, new Statements.Signature(ID, new RevisionId(2, KOR), JPN, byKor.hashText(),
                    "k", "s1", AT.plusSeconds(6)));
            Statements.insertSignature(h, new Statements.Signature(ID, new RevisionId(2, USA), JPN, byUsa.hashText(),
                    "k", "s2", AT.plusSeconds(7)));
            Statements.insertWithheld(h, new Statements.Withheld(ID, new RevisionId(2, KOR), USA,
                    Statements.What.DRAFT, List.of("first reason", "second reason"), AT.plusSeconds(4)));
        });
        var row = store.read(h -> Statements.byId(h, ID)).orElseThrow();
        assertThat(row.latest()).isEqualTo(new RevisionId(2, USA));
        assertThat(numbered(store, row, 2)).extracting(Statements.Held::proposedBy)
                .containsExactly(KOR, USA);
        assertThat(revision(store, row, new RevisionId(2, USA)).orElseThrow().revision())
                .isEqualTo(byUsa);
        // A party signs each of the two once, and each signature counts for the revision it names.
        assertThat(signatures(store, ID, new RevisionId(2, USA))).singleElement()
                .satisfies(s -> assertThat(s.signature()).isEqualTo("s2"));
        assertThat(signatures(store, ID, new RevisionId(2, KOR))).singleElement()
                .satisfies(s -> assertThat(s.signature()).isEqualTo("s1"));
        assertThat(withheld(store, ID, new RevisionId(2, KOR))).singleElement()
                .satisfies(w -> assertThat(w.reasons()).containsExactly("first reason", "second reason"))
                .satisfies(w -> assertThat(w.party()).isEqualTo(USA))
                .satisfies(w -> assertThat(w.decidedAt()).isEqualTo(AT.plusSeconds(4)));
        assertThat(withheld(store, ID, new RevisionId(2, USA))).isEmpty();
    }

    /**
     * A signature whose revision's proposer is not known is kept once per party and number, and signs the revision of
     * that number that arrives with its hash, whichever party proposed it: not another one of the same number.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void aSignatureKeptWithoutItsProposerSignsTheRevisionOfItsNumberThatHasItsHash(String kind) {
        Store store = stores.open(kind);
        var first = new StatementRevision(ID, 1, "leaders", Optional.empty(), "T",
                new StatementTexts("협력", "協力", "Cooperation"));
        var byKor = new StatementRevision(ID, 2, "leaders", Optional.empty(), "T",
                new StatementTexts("협력", "協力", "Cooperation, as Korea put it."));
        var byUsa = new StatementRevision(ID, 2, "leaders", Optional.empty(), "T",
                new StatementTexts("협력", "協力", "Cooperation, as the USA put it."));
        store.useTransaction(h -> {
            Statements.insert(h, new Statements.Row(ID, "leaders", Optional.empty(), KOR, AT, new RevisionId(1, KOR),
                    Optional.empty()));
            Statements.insertRevision(h, new Statements.Held(first, KOR, AT));
            assertThat(Statements.insertKept(h, new Statements.Kept(ID, 2, JPN, byUsa.hashText(), "k", "s",
                    AT.plusSeconds(10)))).isTrue();
            assertThat(Statements.insertKept(h, new Statements.Kept(ID, 2, JPN, byUsa.hashText(), "k", "s",
                    AT.plusSeconds(11)))).as("kept once").isFalse();
        });
        assertThat(kept(store, ID)).singleElement().satisfies(k -> assertThat(k.party()).isEqualTo(JPN))
                .satisfies(k -> assertThat(k.signedAt()).isEqualTo(AT.plusSeconds(10)));
        // Korea's revision 2 is not the one Japan signed: the signature stays kept.
        int forKorea = store.inTransaction(h -> {
            Statements.insertRevision(h, new Statements.Held(byKor, KOR, AT.plusSeconds(20)));
            return Statements.claimKept(h, ID, new RevisionId(2, KOR), byKor.hashText());
        });
        assertThat(forKorea).isZero();
        assertThat(signature(store, ID, new RevisionId(2, KOR), JPN)).isEmpty();
        // The USA's, with the hash Japan signed, arrives: the signature is the USA's revision's from now on.
        int forUsa = store.inTransaction(h -> {
            Statements.insertRevision(h, new Statements.Held(byUsa, USA, AT.plusSeconds(30)));
            return Statements.claimKept(h, ID, new RevisionId(2, USA), byUsa.hashText());
        });
        assertThat(forUsa).isEqualTo(1);
        assertThat(kept(store, ID)).isEmpty();
        assertThat(signatures(store, ID, new RevisionId(2, USA))).singleElement()
                .satisfies(x -> assertThat(x.party()).isEqualTo(JPN))
                .satisfies(x -> assertThat(x.hash()).isEqualTo(byUsa.hashText()));
    }

    /** The tables as they were before a revision was named by its proposer, filled, then migrated. */
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void aStoreOfTheEarlierTablesKeepsItsRevisionsAndSignaturesNamedByTheirProposers(String kind) {
        String url;
        String locations;
        String before;
        Path dir = null;
        if (kind.equals("postgres")) {
            assumeTrue(Databases.postgresMissing().isEmpty(), () -> Databases.postgresMissing().orElse(""));
            url = Databases.freshPostgresSchema();
            locations = "classpath:db/migration";
            before = "16";
        } else {
            dir = Databases.freshDir();
            url = "jdbc:sqlite:" + dir.resolve(Store.EMBEDDED_FILE);
            locations = "classpath:db/sqlite";
            before = "9";
        }
        try {
            Flyway.configure().dataSource(url, null, null).locations(locations).target(before).load().migrate();
            String other = "0b8e6a2c-5d41-4f3a-8c27-9e1d3b6a7f50";
            var third = new StatementRevision(ID, 3, "leaders", Optional.empty(), "T",
                    new StatementTexts("협력", "協力", "Cooperation, as Japan put it."));
            Jdbi.create(url).useHandle(h -> {
                h.execute("INSERT INTO statements (id, channel, meeting, drafted_by, drafted_at, revision, adopted_at)"
                        + " VALUES ('" + ID + "', 'leaders', NULL, 'KOR', '2024-11-20T09:30:00.000000Z', 2, NULL)");
                for (var r : List.of(new Object[] {1, "KOR"}, new Object[] {2, "USA"})) {
                    h.execute("INSERT INTO statement_revisions (statement_id, revision, title, text_ko, text_ja, "
                            + "text_en, proposed_by, proposed_at) VALUES ('" + ID + "', " + r[0] + ", 'T', '협력', "
                            + "'協力', 'Cooperation', '" + r[1] + "', '2024-11-20T09:30:00.000000Z')");
                }
                h.execute("INSERT INTO statement_signatures (statement_id, revision, party, hash, key_id, signature, "
                        + "signed_at) VALUES ('" + ID + "', 2, 'JPN', 'h', 'k', 's', '2024-11-20T09:31:00.000000Z')");
                // A signature kept before its revision, of a statement this store has not yet heard of.
                h.execute("INSERT INTO statement_signatures (statement_id, revision, party, hash, key_id, signature, "
                        + "signed_at) VALUES ('" + other + "', 1, 'USA', 'h', 'k', 's', "
                        + "'2024-11-20T09:32:00.000000Z')");
                // Korea's signature of a revision 3 that has not arrived, which Japan will turn out to propose.
                h.execute("INSERT INTO statement_signatures (statement_id, revision, party, hash, key_id, signature, "
                        + "signed_at) VALUES ('" + ID + "', 3, 'KOR', '" + third.hashText() + "', 'k', 's3', "
                        + "'2024-11-20T09:33:00.000000Z')");
            });
            try (Store store = kind.equals("postgres") ? Store.open(url) : Store.embedded(dir)) {
                var row = store.read(h -> Statements.byId(h, ID)).orElseThrow();
                assertThat(row.latest()).isEqualTo(new RevisionId(2, USA));
                assertThat(revisions(store, ID)).containsExactly(new RevisionId(1, KOR), new RevisionId(2, USA));
                assertThat(signature(store, ID, new RevisionId(2, USA), JPN)).isPresent();
                // No proposer is guessed for a revision not held: the signatures are kept without one.
                assertThat(kept(store, other)).singleElement().satisfies(k -> assertThat(k.revision()).isEqualTo(1))
                        .satisfies(k -> assertThat(k.party()).isEqualTo(USA));
                assertThat(signature(store, other, new RevisionId(1, USA), USA)).isEmpty();
                assertThat(kept(store, ID)).singleElement().satisfies(k -> assertThat(k.party()).isEqualTo(KOR));
                assertThat(signature(store, ID, new RevisionId(3, KOR), KOR)).isEmpty();
                // Japan's revision 3 arrives with the hash Korea signed: the signature is of Japan's revision.
                store.useTransaction(h -> {
                    Statements.insertRevision(h, new Statements.Held(third, JPN, AT));
                    assertThat(Statements.claimKept(h, ID, new RevisionId(3, JPN), third.hashText())).isEqualTo(1);
                });
                assertThat(signature(store, ID, new RevisionId(3, JPN), KOR)).isPresent();
                assertThat(kept(store, ID)).isEmpty();
            }
        } finally {
            if (kind.equals("postgres")) {
                Databases.dropSchema(url);
            }
        }
    }
}
