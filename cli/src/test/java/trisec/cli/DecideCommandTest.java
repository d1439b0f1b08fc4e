package trisec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.cli.Cli.keys;
import static trisec.cli.Cli.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code trisec decide}: the release rules of DESIGN §2 as the command line shows them. */
class DecideCommandTest {
    static final String GSOMIA = "kor-jpn-gsomia-2016";
    static final String TISA = "tisa-2014";
    static final String USA_KOR = "usa-kor-gsomia-1987";
    static final String USA_JPN = "usa-jpn-gsomia-2007";
    static final String CLASS_II = "군사Ⅱ급비밀";

    /** {@code decide --json} for a KOR dprk.missile item, with the given date and extra options. */
    static JsonNode decide(String at, String... more) {
        var args = new ArrayList<>(List.of("decide", "--at", at, "--originator", "KOR", "--to", "JPN",
                "--level", CLASS_II, "--topic", "dprk.missile", "--json"));
        args.addAll(Arrays.asList(more));
        return Cli.run(args).ok().json();
    }

    static JsonNode decideArgs(String... args) {
        var list = new ArrayList<>(List.of("decide", "--json"));
        list.addAll(Arrays.asList(args));
        return Cli.run(list).ok().json();
    }

    @Nested
    class JsonShape {
        @Test
        void jsonIsExactlyOneObjectWithTheFiveDecisionKeysInOrder() {
            Cli cli = Cli.run("decide", "--at", "2017-03-01", "--originator", "KOR", "--to", "JPN", "--level", CLASS_II,
                    "--topic", "dprk.missile", "--json").ok();

            JsonNode d = cli.json();

            assertThat(keys(d)).containsExactly("decision", "route", "basis", "recipientLevel", "reasons");
            assertThat(d.get("route").isArray()).isTrue();
            assertThat(d.get("basis").isArray()).isTrue();
            assertThat(d.get("reasons").isArray()).isTrue();
            assertThat(texts(d.get("reasons"))).isNotEmpty().allSatisfy(r -> assertThat(r).isNotBlank());
        }

        @Test
        void aDenyHasTheSameFiveKeysWithNullRecipientLevel() {
            JsonNode d = decide("2013-06-01");

            assertThat(keys(d)).containsExactly("decision", "route", "basis", "recipientLevel", "reasons");
            assertThat(d.get("recipientLevel").isNull()).isTrue();
        }

        @Test
        void theSameInputsGiveTheSameOutput() {
            var args = new String[] {"decide", "--at", "2015-06-01", "--originator", "KOR", "--to", "JPN", "--level",
                    CLASS_II, "--topic", "dprk.missile", "--json"};
            assertThat(Cli.run(args).ok().out()).isEqualTo(Cli.run(args).ok().out());
        }
    }

    @Nested
    class KoreaToJapan {
        @Test
        void underTheGsomiaClassIiGoesDirectlyToJapanAsGokuhi() {
            JsonNode d = decide("2017-03-01");

            assertThat(d.get("decision").asText()).isEqualTo("PERMIT");
            assertThat(texts(d.get("route"))).containsExactly("KOR", "JPN");
            assertThat(texts(d.get("basis"))).containsExactly(GSOMIA);
            assertThat(d.get("recipientLevel").asText()).isEqualTo("極秘");
        }

        @Test
        void beforeTheGsomiaTisaRoutesThroughTheUnitedStates() {
            JsonNode d = decide("2015-06-01");

            assertThat(d.get("decision").asText()).isEqualTo("PERMIT");
            assertThat(texts(d.get("route"))).containsExactly("KOR", "USA", "JPN");
            assertThat(texts(d.get("basis"))).contains(TISA).containsExactly(TISA, USA_KOR, USA_JPN);
            assertThat(d.get("recipientLevel").asText()).isEqualTo("極秘");
        }

        @ParameterizedTest(name = "{0}: {1} via {2} ({3})")
        @CsvSource(delimiter = '|', textBlock = """
                2013-06-01 | DENY   |              |                                                     | before TISA: no agreement at all
                2015-06-01 | PERMIT | KOR USA JPN  | tisa-2014 usa-kor-gsomia-1987 usa-jpn-gsomia-2007   | TISA only: through the U.S. hub
                2017-03-01 | PERMIT | KOR JPN      | kor-jpn-gsomia-2016                                 | GSOMIA in force
                2019-09-01 | PERMIT | KOR JPN      | kor-jpn-gsomia-2016                                 | notice given, still in force until 2019-11-23
                2019-11-22 | PERMIT | KOR JPN      | kor-jpn-gsomia-2016                                 | the day of the suspension
                2019-11-23 | PERMIT | KOR JPN      | kor-jpn-gsomia-2016                                 | would have lapsed, but the notice was suspended
                2019-12-01 | PERMIT | KOR JPN      | kor-jpn-gsomia-2016                                 | notice suspended
                2023-06-01 | PERMIT | KOR JPN      | kor-jpn-gsomia-2016                                 | notice withdrawn
                """)
        void theHistoricalTimelineOfKoreaJapanSharing(String at, String decision, String route, String basis,
                String why) {
            JsonNode d = decide(at);

            assertThat(d.get("decision").asText()).as(why).isEqualTo(decision);
            assertThat(texts(d.get("route"))).as(why).isEqualTo(words(route));
            assertThat(texts(d.get("basis"))).as(why).isEqualTo(words(basis));
            if (decision.equals("PERMIT")) {
                assertThat(d.get("recipientLevel").asText()).isEqualTo("極秘");
            } else {
                assertThat(d.get("recipientLevel").isNull()).isTrue();
                assertThat(texts(d.get("reasons"))).anySatisfy(r -> assertThat(r).contains(GSOMIA))
                        .anySatisfy(r -> assertThat(r).contains(TISA));
            }
        }

        @ParameterizedTest(name = "{0}: {1} via {2}")
        @CsvSource(delimiter = '|', textBlock = """
                2013-06-01 | DENY   |
                2015-06-01 | PERMIT | JPN USA KOR
                2017-03-01 | PERMIT | JPN KOR
                2019-12-01 | PERMIT | JPN KOR
                """)
        void japanToKoreaWithAGokuhiItemMirrorsTheTimeline(String at, String decision, String route) {
            JsonNode d = decideArgs("--at", at, "--originator", "JPN", "--to", "KOR", "--level", "極秘",
                    "--topic", "dprk.missile");

            assertThat(d.get("decision").asText()).isEqualTo(decision);
            assertThat(texts(d.get("route"))).isEqualTo(words(route));
            if (decision.equals("PERMIT")) {
                assertThat(d.get("recipientLevel").asText()).isEqualTo(CLASS_II);
            }
        }

        @Test
        void classIIsNotCoveredByTheGsomiaAndIsDenied() {
            JsonNode d = decideArgs("--at", "2017-03-01", "--originator", "KOR", "--to", "JPN", "--level", "군사Ⅰ급비밀",
                    "--topic", "dprk.missile");

            assertThat(d.get("decision").asText()).isEqualTo("DENY");
            assertThat(d.get("recipientLevel").isNull()).isTrue();
            assertThat(texts(d.get("route"))).isEmpty();
            assertThat(texts(d.get("basis"))).isEmpty();
            assertThat(texts(d.get("reasons"))).anySatisfy(r -> assertThat(r).contains(GSOMIA, "군사Ⅰ급비밀"));
        }

        @Test
        void classIiiGoesToJapanAsHi() {
            JsonNode d = decideArgs("--at", "2017-03-01", "--originator", "KOR", "--to", "JPN", "--level", "군사Ⅲ급비밀",
                    "--topic", "dprk.missile");

            assertThat(d.get("decision").asText()).isEqualTo("PERMIT");
            assertThat(d.get("recipientLevel").asText()).isEqualTo("秘");
        }

        @Test
        void aTopicOutsideTisaScopeIsDeniedBeforeTheGsomia() {
            JsonNode d = decideArgs("--at", "2015-06-01", "--originator", "KOR", "--to", "JPN", "--level", CLASS_II,
                    "--topic", "dprk.sanctions");

            assertThat(d.get("decision").asText()).isEqualTo("DENY");
            assertThat(texts(d.get("reasons"))).anySatisfy(r -> assertThat(r).contains(TISA, "dprk.sanctions"));
        }
    }

    /** The GSOMIA's 2019 notice, had it not been suspended, and dates given as instants. */
    @Nested
    class Instants {
        @ParameterizedTest
        @ValueSource(strings = {"2019-11-22T23:59:59Z", "2019-11-23T00:00:00Z", "2019-11-23T09:00:00+09:00"})
        void anInstantIsAcceptedForAt(String at) {
            JsonNode d = decide(at);

            assertThat(d.get("decision").asText()).isEqualTo("PERMIT");
            assertThat(texts(d.get("route"))).as("the notice was suspended: still direct").containsExactly("KOR", "JPN");
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(delimiter = '|', textBlock = """
                2019-11-22T23:59:59Z      | KOR JPN     | last second of the GSOMIA
                2019-11-23T08:59:59+09:00 | KOR JPN     | the same second in Tokyo time
                2019-11-23T00:00:00Z      | KOR USA JPN | termination effective: only TISA is left
                2019-11-23                | KOR USA JPN | a date means 00:00 UTC that day
                2019-12-01                | KOR USA JPN | after termination
                """)
        void hadTheNoticeNotBeenSuspendedTheGsomiaWouldEndAtMidnightUtcOnNovember23(String at, String route, String why,
                @TempDir Path dir) {
            Path scenario = Scenarios.withoutNoticeSuspension(dir);

            JsonNode d = decide(at, "--scenario", scenario.toString());

            assertThat(d.get("decision").asText()).as(why).isEqualTo("PERMIT");
            assertThat(texts(d.get("route"))).as(why).isEqualTo(words(route));
        }

        @Test
        void afterTerminationATopicOutsideTisaIsDenied(@TempDir Path dir) {
            Path scenario = Scenarios.withoutNoticeSuspension(dir);

            JsonNode d = decideArgs("--at", "2019-12-01", "--originator", "KOR", "--to", "JPN", "--level", CLASS_II,
                    "--topic", "dprk.sanctions", "--scenario", scenario.toString());

            assertThat(d.get("decision").asText()).isEqualTo("DENY");
            assertThat(texts(d.get("reasons"))).anySatisfy(r -> assertThat(r).contains(GSOMIA, "terminated"));
        }
    }

    @Nested
    class LabelRestrictions {
        @Test
        void noforn_isDeniedToAForeignParty() {
            JsonNode d = decide("2017-03-01", "--caveat", "NOFORN");

            assertThat(d.get("decision").asText()).isEqualTo("DENY");
            assertThat(texts(d.get("route"))).isEmpty();
            assertThat(texts(d.get("basis"))).isEmpty();
            assertThat(d.get("recipientLevel").isNull()).isTrue();
            assertThat(texts(d.get("reasons"))).anySatisfy(r -> assertThat(r).contains("NOFORN"));
        }

        @Test
        void aReleasabilityListWithoutTheRecipientDenies() {
            JsonNode d = decide("2017-03-01", "--rel-to", "USA");

            assertThat(d.get("decision").asText()).isEqualTo("DENY");
            assertThat(texts(d.get("reasons"))).anySatisfy(r -> assertThat(r).contains("REL TO", "JPN"));
        }

        @Test
        void aReleasabilityListWithTheRecipientRestrictsNothingMore() {
            JsonNode d = decide("2017-03-01", "--rel-to", "JPN,USA");

            assertThat(d.get("decision").asText()).isEqualTo("PERMIT");
            assertThat(texts(d.get("route"))).containsExactly("KOR", "JPN");
        }

        @Test
        void unclassifiedIsReleasedWithoutAnyAgreementEvenBeforeTisa() {
            JsonNode d = decideArgs("--at", "2013-06-01", "--originator", "KOR", "--to", "JPN", "--level",
                    "UNCLASSIFIED", "--topic", "dprk.missile");

            assertThat(d.get("decision").asText()).isEqualTo("PERMIT");
            assertThat(texts(d.get("route"))).containsExactly("KOR", "JPN");
            assertThat(texts(d.get("basis"))).isEmpty();
            assertThat(d.get("recipientLevel").asText()).isEqualTo("UNCLASSIFIED");
        }

        @Test
        void unclassifiedWithACaveatStillNeedsAnAgreement() {
            JsonNode d = decideArgs("--at", "2013-06-01", "--originator", "KOR", "--to", "JPN", "--level",
                    "UNCLASSIFIED", "--caveat", "ORCON", "--topic", "dprk.missile");

            assertThat(d.get("decision").asText()).isEqualTo("DENY");
        }
    }

    @Nested
    class ThirdPartyRule {
        static final String[] USA_HOLDS_KOR_ITEM = {"--at", "2017-03-01", "--originator", "KOR", "--holder", "USA",
                "--to", "JPN", "--level", CLASS_II, "--topic", "dprk.missile"};

        @Test
        void anOnwardReleaseWithoutTheOriginatorsConsentRequiresConsentNamingTheOriginator() {
            JsonNode d = decideArgs(USA_HOLDS_KOR_ITEM);

            assertThat(d.get("decision").asText()).isEqualTo("CONSENT_REQUIRED");
            assertThat(texts(d.get("route"))).containsExactly("USA", "JPN");
            assertThat(texts(d.get("basis"))).containsExactly(USA_JPN);
            assertThat(texts(d.get("reasons"))).anySatisfy(r -> assertThat(r).contains("KOR", "consent"));
        }

        @Test
        void withTheOriginatorsConsentOnRecordTheOnwardReleaseIsPermitted() {
            var args = new ArrayList<>(List.of(USA_HOLDS_KOR_ITEM));
            args.add("--consent");

            JsonNode d = decideArgs(args.toArray(String[]::new));

            assertThat(d.get("decision").asText()).isEqualTo("PERMIT");
            assertThat(texts(d.get("route"))).containsExactly("USA", "JPN");
            assertThat(texts(d.get("basis"))).containsExactly(USA_JPN);
            assertThat(d.get("recipientLevel").asText()).isEqualTo("極秘");
        }

        @Test
        void givingAnItemBackToItsOriginatorNeedsNoConsent() {
            JsonNode d = decideArgs("--at", "2017-03-01", "--originator", "KOR", "--holder", "JPN", "--to", "KOR",
                    "--level", CLASS_II, "--topic", "dprk.missile");

            assertThat(d.get("decision").asText()).isEqualTo("PERMIT");
            assertThat(texts(d.get("route"))).containsExactly("JPN", "KOR");
            assertThat(d.get("recipientLevel").asText()).isEqualTo(CLASS_II);
        }
    }

    @Nested
    class Aliases {
        @ParameterizedTest
        @ValueSource(strings = {"군사II급비밀", "군사2급비밀", "KOR MILITARY SECRET CLASS II"})
        void aLevelAliasBehavesLikeTheCanonicalLevelAndTheOutputNamesTheCanonicalLevel(String alias) {
            for (String at : List.of("2015-06-01", "2017-03-01")) {
                var canonical = Cli.run("decide", "--at", at, "--originator", "KOR", "--to", "JPN", "--level",
                        CLASS_II, "--topic", "dprk.missile", "--json").ok();
                var aliased = Cli.run("decide", "--at", at, "--originator", "KOR", "--to", "JPN", "--level", alias,
                        "--topic", "dprk.missile", "--json").ok();

                assertThat(aliased.json()).isEqualTo(canonical.json());
                assertThat(aliased.out()).contains(CLASS_II).doesNotContain(alias);
            }
        }

        @Test
        void lowerCasePartyCodesAreAcceptedAndPrintedInUpperCase() {
            JsonNode d = decideArgs("--at", "2017-03-01", "--originator", "kor", "--holder", "usa", "--to", "jpn",
                    "--level", CLASS_II, "--topic", "dprk.missile", "--consent");

            assertThat(d.get("decision").asText()).isEqualTo("PERMIT");
            assertThat(texts(d.get("route"))).containsExactly("USA", "JPN");
        }

        @Test
        void lowerCaseCaveatsAndReleasabilityCodesAreAccepted() {
            assertThat(decide("2017-03-01", "--caveat", "noforn").get("decision").asText()).isEqualTo("DENY");
            assertThat(decide("2017-03-01", "--rel-to", "usa").get("decision").asText()).isEqualTo("DENY");
            assertThat(decide("2017-03-01", "--rel-to", "usa,jpn").get("decision").asText()).isEqualTo("PERMIT");
        }
    }

    @Nested
    class ReadableOutput {
        static List<String> readable(String... args) {
            var list = new ArrayList<>(List.of("decide"));
            list.addAll(Arrays.asList(args));
            Cli cli = Cli.run(list).ok();
            assertThat(cli.out().strip()).doesNotStartWith("{");
            return cli.outLines();
        }

        @Test
        void aPermitStartsWithTheVerdictRouteAndBasis() {
            List<String> lines = readable("--at", "2015-06-01", "--originator", "KOR", "--to", "JPN", "--level",
                    CLASS_II, "--topic", "dprk.missile");

            assertThat(lines.getFirst()).startsWith("PERMIT").contains("KOR → USA → JPN", TISA, "2015-06-01");
            assertThat(lines).contains("recipient level: 極秘");
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  - ").contains("USA forwards"));
        }

        @Test
        void aDenyStartsWithTheVerdictAndListsWhyEachRouteFailed() {
            List<String> lines = readable("--at", "2013-06-01", "--originator", "KOR", "--to", "JPN", "--level",
                    CLASS_II, "--topic", "dprk.missile");

            assertThat(lines.getFirst()).startsWith("DENY");
            assertThat(lines.subList(1, lines.size())).hasSize(2)
                    .allSatisfy(l -> assertThat(l).startsWith("  - ").contains("not yet signed"));
        }

        @Test
        void consentRequiredStartsWithTheVerdict() {
            List<String> lines = readable(ThirdPartyRule.USA_HOLDS_KOR_ITEM);

            assertThat(lines.getFirst()).startsWith("CONSENT_REQUIRED").contains("USA → JPN");
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("KOR's consent"));
        }
    }

    static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.strip().split("\\s+"));
    }
}
