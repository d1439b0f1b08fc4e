package trisec.policy.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.policy.oracle.Model.Answer;
import trisec.policy.oracle.Model.Ask;
import trisec.policy.oracle.Model.Deal;
import trisec.policy.oracle.Model.Event;
import trisec.policy.oracle.Model.Kind;
import trisec.policy.oracle.Model.Lvl;
import trisec.policy.oracle.Model.Nation;
import trisec.policy.oracle.Model.Row;
import trisec.policy.oracle.Model.Step;
import trisec.policy.oracle.Model.Tag;
import trisec.policy.oracle.Model.Verdict;
import trisec.policy.oracle.Model.World;

/**
 * The oracle is only worth something if it is right: tiny hand-built scenarios, modelled on the Korea–Japan–US
 * history in FACTS.md, with answers worked out by hand from DESIGN §2.
 */
class OracleSanityTest {

    static final Nation KOR = new Nation("KOR", List.of(new Lvl("KOR-I", 3), new Lvl("KOR-II", 2),
            new Lvl("KOR-III", 1), new Lvl("UNCLASSIFIED", 0)));
    static final Nation JPN = new Nation("JPN", List.of(new Lvl("KIMITSU", 3), new Lvl("GOKUHI", 2),
            new Lvl("TOKUTEI", 2), new Lvl("HI", 1), new Lvl("UNCLASSIFIED", 0)));
    static final Nation USA = new Nation("USA", List.of(new Lvl("TOP SECRET", 3), new Lvl("SECRET", 2),
            new Lvl("CONFIDENTIAL", 1), new Lvl("UNCLASSIFIED", 0)));

    static final Period YEAR = Period.ofYears(1);
    static final Period NINETY_DAYS = Period.ofDays(90);

    /** The Korea–Japan GSOMIA: no row for Korea's Class I or Japan's KIMITSU. */
    static Deal gsomia(Event... later) {
        List<Event> events = new java.util.ArrayList<>(List.of(Event.of(Step.SIGNED, day("2016-11-23")),
                Event.of(Step.IN_FORCE, day("2016-11-23"))));
        events.addAll(List.of(later));
        return new Deal("kor-jpn-gsomia", Kind.SIA, List.of("KOR", "JPN"), Optional.empty(), Optional.empty(), Map.of(),
                List.of(new Row(Map.of("KOR", List.of("KOR-II"), "JPN", List.of("GOKUHI", "TOKUTEI"))),
                        new Row(Map.of("KOR", List.of("KOR-III"), "JPN", List.of("HI")))),
                Optional.of(YEAR), Optional.of(NINETY_DAYS), List.copyOf(events));
    }

    static Deal withUsa(String id, String other, String top, String second, String third) {
        return new Deal(id, Kind.SIA, List.of("USA", other), Optional.empty(), Optional.empty(), Map.of(),
                List.of(new Row(Map.of("USA", List.of("TOP SECRET"), other, List.of(top))),
                        new Row(Map.of("USA", List.of("SECRET"), other, List.of(second))),
                        new Row(Map.of("USA", List.of("CONFIDENTIAL"), other, List.of(third)))),
                Optional.empty(), Optional.empty(), inForceSince("1987-01-01"));
    }

    /** TISA: Korea and Japan share through the USA, on missile and nuclear topics only, up to SECRET. */
    static Deal tisa() {
        return new Deal("tisa", Kind.HUB_ARRANGEMENT, List.of("USA", "KOR", "JPN"), Optional.of("USA"),
                Optional.of(List.of("dprk.missile", "dprk.nuclear")),
                Map.of("USA", "SECRET", "KOR", "KOR-II", "JPN", "GOKUHI"), List.of(), Optional.empty(),
                Optional.empty(), inForceSince("2014-12-29"));
    }

    @Test
    void anSiaInForceCarriesALevelItsTableMapsAndNamesTheFirstCorrespondingLevel() {
        World w = new World(List.of(KOR, JPN), List.of(gsomia()));
        Answer a = decide(w, ask("KOR", "KOR-II", "dprk.missile", "KOR", "JPN", "2018-01-01T00:00:00Z", false));
        assertThat(a).isEqualTo(new Answer(Verdict.PERMIT, List.of("KOR", "JPN"), List.of("kor-jpn-gsomia"),
                Optional.of("GOKUHI")));
    }

    @Test
    void aClassIItemIsNotCoveredByTheKoreaJapanGsomia() {
        World w = new World(List.of(KOR, JPN), List.of(gsomia()));
        assertThat(decide(w, ask("KOR", "KOR-I", "dprk.missile", "KOR", "JPN", "2018-01-01T00:00:00Z", false)))
                .isEqualTo(Answer.deny());
    }

    @Test
    void beforeTheGsomiaJapanReachesKoreaThroughTheUsHubOnTisaTopicsOnly() {
        World w = new World(List.of(KOR, JPN, USA), List.of(gsomia(), tisa(),
                withUsa("us-jpn", "JPN", "KIMITSU", "GOKUHI", "HI"), withUsa("us-kor", "KOR", "KOR-I", "KOR-II", "KOR-III")));
        String beforeGsomia = "2015-06-01T00:00:00Z";
        assertThat(decide(w, ask("JPN", "GOKUHI", "dprk.missile.warning", "JPN", "KOR", beforeGsomia, false)))
                .isEqualTo(new Answer(Verdict.PERMIT, List.of("JPN", "USA", "KOR"), List.of("tisa", "us-jpn", "us-kor"),
                        Optional.of("KOR-II")));
        // "dprk.missiles" is a near miss of the TISA topic "dprk.missile", not a subtopic.
        assertThat(decide(w, ask("JPN", "GOKUHI", "dprk.missiles", "JPN", "KOR", beforeGsomia, false)))
                .isEqualTo(Answer.deny());
        // KIMITSU is above TISA's highest level for Japan.
        assertThat(decide(w, ask("JPN", "KIMITSU", "dprk.missile", "JPN", "KOR", beforeGsomia, false)))
                .isEqualTo(Answer.deny());
        // Once the GSOMIA is in force the direct route wins.
        assertThat(decide(w, ask("JPN", "GOKUHI", "dprk.missile", "JPN", "KOR", "2017-01-01T00:00:00Z", false)).route())
                .containsExactly("JPN", "KOR");
    }

    @Test
    void aHolderNeedsTheOriginatorsConsentForAThirdPartyButNotToGiveTheItemBack() {
        World w = new World(List.of(KOR, JPN, USA), List.of(gsomia(),
                withUsa("us-jpn", "JPN", "KIMITSU", "GOKUHI", "HI"), withUsa("us-kor", "KOR", "KOR-I", "KOR-II", "KOR-III")));
        String t = "2018-01-01T00:00:00Z";
        // The USA holds Japan's GOKUHI item as SECRET (us-jpn) and marks it for Korea as KOR-II (us-kor).
        assertThat(decide(w, ask("JPN", "GOKUHI", "x", "USA", "KOR", t, false))).isEqualTo(
                new Answer(Verdict.CONSENT_REQUIRED, List.of("USA", "KOR"), List.of("us-kor"), Optional.of("KOR-II")));
        assertThat(decide(w, ask("JPN", "GOKUHI", "x", "USA", "KOR", t, true)).verdict()).isEqualTo(Verdict.PERMIT);
        assertThat(decide(w, ask("JPN", "GOKUHI", "x", "USA", "JPN", t, false))).isEqualTo(
                new Answer(Verdict.PERMIT, List.of("USA", "JPN"), List.of("us-jpn"), Optional.of("GOKUHI")));
    }

    @Test
    void aNoticeTakesEffectAtTheEndOfTheTermWhenGivenNinetyDaysAheadElseAtTheEndOfTheNext() {
        // 2019-08-23 + 90 days = 2019-11-21, before the anniversary 2019-11-23: effective that day.
        Deal inTime = gsomia(noticeOn("2019-08-23"));
        assertThat(OracleLifecycle.inForceAt(inTime, day("2019-11-23").minusSeconds(1))).isTrue();
        assertThat(OracleLifecycle.inForceAt(inTime, day("2019-11-23"))).isFalse();
        // 2019-08-26 + 90 days = 2019-11-24, after the anniversary: the agreement runs one more term.
        Deal late = gsomia(noticeOn("2019-08-26"));
        assertThat(OracleLifecycle.inForceAt(late, day("2019-11-23"))).isTrue();
        assertThat(OracleLifecycle.inForceAt(late, day("2020-11-23").minusSeconds(1))).isTrue();
        assertThat(OracleLifecycle.inForceAt(late, day("2020-11-23"))).isFalse();
        // Exactly 90 days ahead is "at least the notice period".
        Deal exact = gsomia(noticeOn("2019-08-25"));
        assertThat(OracleLifecycle.inForceAt(exact, day("2019-11-23"))).isFalse();
        // A lapsed notice denies a release that the same agreement carried the day before.
        World w = new World(List.of(KOR, JPN), List.of(inTime));
        assertThat(decide(w, ask("KOR", "KOR-III", "a", "KOR", "JPN", "2019-11-22T23:59:59Z", false)).verdict())
                .isEqualTo(Verdict.PERMIT);
        assertThat(decide(w, ask("KOR", "KOR-III", "a", "KOR", "JPN", "2019-11-23T00:00:00Z", false)).verdict())
                .isEqualTo(Verdict.DENY);
    }

    @Test
    void aSuspensionBeforeTheEffectiveDateKeepsTheAgreementInForceAndANewNoticeMayFollow() {
        Deal suspended = gsomia(noticeOn("2019-08-23"), Event.of(Step.NOTICE_SUSPENDED, day("2019-11-22")));
        assertThat(OracleLifecycle.inForceAt(suspended, day("2019-11-23"))).isTrue();
        assertThat(OracleLifecycle.inForceAt(suspended, day("2030-01-01"))).isTrue();
        // A suspension in the last second still counts: strictly before the effective instant.
        Deal lastSecond = gsomia(noticeOn("2019-08-23"),
                Event.of(Step.NOTICE_SUSPENDED, day("2019-11-23").minusSeconds(1)));
        assertThat(OracleLifecycle.inForceAt(lastSecond, day("2019-11-23"))).isTrue();
        // A new notice on 2023-01-02 falls in the term ending 2023-11-23, with 90 days to spare.
        Deal renewed = gsomia(noticeOn("2019-08-23"), Event.of(Step.NOTICE_SUSPENDED, day("2019-11-22")),
                noticeOn("2023-01-02"));
        assertThat(OracleLifecycle.inForceAt(renewed, day("2023-11-23").minusSeconds(1))).isTrue();
        assertThat(OracleLifecycle.inForceAt(renewed, day("2023-11-23"))).isFalse();
        // Re-entry into force restarts the terms: from 2024-03-01 the term ends fall on 1 March, not 23 November.
        Deal back = gsomia(noticeOn("2019-08-23"), Event.of(Step.NOTICE_SUSPENDED, day("2019-11-22")),
                noticeOn("2023-01-02"), Event.of(Step.IN_FORCE, day("2024-03-01")), noticeOn("2024-10-01"));
        assertThat(OracleLifecycle.inForceAt(back, day("2024-02-29"))).isFalse();
        assertThat(OracleLifecycle.inForceAt(back, day("2024-03-01"))).isTrue();
        assertThat(OracleLifecycle.inForceAt(back, day("2024-11-23"))).isTrue();
        assertThat(OracleLifecycle.inForceAt(back, day("2025-03-01").minusSeconds(1))).isTrue();
        assertThat(OracleLifecycle.inForceAt(back, day("2025-03-01"))).isFalse();
    }

    @Test
    void withoutTermsANoticeTakesEffectOneNoticePeriodLaterAndAnExplicitDateWins() {
        Deal agreement = withUsa("us-jpn", "JPN", "KIMITSU", "GOKUHI", "HI");
        Deal noTerms = new Deal(agreement.id(), agreement.kind(), agreement.parties(), agreement.hub(), agreement.topics(),
                agreement.highest(), agreement.rows(), Optional.empty(), Optional.of(NINETY_DAYS),
                List.of(Event.of(Step.SIGNED, day("2000-01-01")), Event.of(Step.IN_FORCE, day("2000-01-01")),
                        noticeOn("2001-01-01")));
        assertThat(OracleLifecycle.inForceAt(noTerms, day("2001-04-01").minusSeconds(1))).isTrue();
        assertThat(OracleLifecycle.inForceAt(noTerms, day("2001-04-01"))).isFalse();
        Deal dated = noTerms.withEvents(List.of(Event.of(Step.SIGNED, day("2000-01-01")),
                Event.of(Step.IN_FORCE, day("2000-01-01")),
                new Event(Step.TERMINATION_NOTICE, day("2001-01-01"), Optional.of(day("2001-02-01")))));
        assertThat(OracleLifecycle.inForceAt(dated, day("2001-02-01").minusSeconds(1))).isTrue();
        assertThat(OracleLifecycle.inForceAt(dated, day("2001-02-01"))).isFalse();
    }

    @Test
    void theHandBuiltScenariosArePossibleForCoreToo() {
        World w = new World(List.of(KOR, JPN, USA), List.of(gsomia(noticeOn("2019-08-23"),
                Event.of(Step.NOTICE_SUSPENDED, day("2019-11-22"))), tisa(),
                withUsa("us-jpn", "JPN", "KIMITSU", "GOKUHI", "HI"), withUsa("us-kor", "KOR", "KOR-I", "KOR-II", "KOR-III")));
        assertThat(ToCore.scenario(w).agreements()).hasSize(4);
    }

    // ---------------------------------------------------------------- helpers

    private static Answer decide(World w, Ask ask) {
        return new Oracle(w).decide(ask).answer();
    }

    private static Ask ask(String originator, String level, String topic, String holder, String recipient, String at,
                           boolean consent) {
        return new Ask(new Tag(originator, level, List.of(), false, false, topic), holder, recipient, Instant.parse(at),
                consent);
    }

    private static Event noticeOn(String date) {
        return Event.of(Step.TERMINATION_NOTICE, day(date));
    }

    private static List<Event> inForceSince(String date) {
        return List.of(Event.of(Step.SIGNED, day(date)), Event.of(Step.IN_FORCE, day(date)));
    }

    /** A date without a time is 00:00 UTC that day (DESIGN §2.6). */
    private static Instant day(String date) {
        return Instant.parse(date + "T00:00:00Z");
    }
}
