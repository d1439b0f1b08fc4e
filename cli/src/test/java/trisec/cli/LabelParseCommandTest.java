package trisec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.cli.Cli.keys;
import static trisec.cli.Cli.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code trisec label parse}: banners and STANAG 4774 XML read back. */
class LabelParseCommandTest {
    static final List<String> LABEL_FIELDS = List.of("originator", "level", "releasableTo", "caveats", "topic", "created");

    /** Labels to render and read back: originator, level, topic and the options that shape them. */
    static Stream<Arguments> labels() {
        return Stream.of(
                Arguments.of(List.of("--originator", "KOR", "--level", "군사Ⅱ급비밀", "--rel-to", "USA,JPN")),
                Arguments.of(List.of("--originator", "KOR", "--level", "군사Ⅰ급비밀", "--caveat", "ORCON")),
                Arguments.of(List.of("--originator", "KOR", "--level", "군사Ⅲ급비밀", "--caveat", "NOFORN")),
                Arguments.of(List.of("--originator", "JPN", "--level", "極秘", "--caveat", "NOFORN", "--caveat", "ORCON")),
                Arguments.of(List.of("--originator", "USA", "--level", "CONFIDENTIAL", "--rel-to", "KOR,JPN",
                        "--caveat", "ORCON")),
                Arguments.of(List.of("--originator", "JPN", "--level", "特定秘密", "--rel-to", "KOR")),
                Arguments.of(List.of("--originator", "USA", "--level", "TOP SECRET", "--rel-to", "USA")),
                Arguments.of(List.of("--originator", "USA", "--level", "UNCLASSIFIED")));
    }

    static JsonNode render(List<String> labelArgs) {
        var args = Cli.concat(List.of("label", "render", "--topic", "dprk.nuclear.test", "--at", "2019-12-01",
                "--created", "2019-12-01T09:30:00Z", "--json"), labelArgs.toArray(String[]::new));
        return Cli.run(args).ok().json();
    }

    @Test
    void aBannerWithAnOriginatorReadsAsTheOriginatorsCanonicalLevel() {
        JsonNode p = Cli.run("label", "parse", "SECRET//REL TO USA, JPN, KOR", "--originator", "KOR", "--json").ok()
                .json();

        assertThat(p.get("originator").asText()).isEqualTo("KOR");
        assertThat(p.get("level").asText()).isEqualTo("군사Ⅱ급비밀");
        assertThat(texts(p.get("releasableTo"))).containsExactly("USA", "JPN", "KOR");
        assertThat(texts(p.get("caveats"))).isEmpty();
        assertThat(p.get("banner").asText()).isEqualTo("SECRET//REL TO USA, JPN, KOR");
    }

    @Test
    void aBannerWithOriginatorAndTopicReadsAsAWholeLabel() {
        JsonNode p = Cli.run("label", "parse", "TOP SECRET//ORCON", "--originator", "jpn", "--topic", "dprk.missile",
                "--json").ok().json();

        assertThat(keys(p)).containsAll(LABEL_FIELDS);
        assertThat(p.get("originator").asText()).isEqualTo("JPN");
        assertThat(p.get("level").asText()).isEqualTo("機密");
        assertThat(texts(p.get("caveats"))).containsExactly("ORCON");
        assertThat(p.get("topic").asText()).isEqualTo("dprk.missile");
    }

    @Test
    void aBannerAloneGivesItsClassificationAndControls() {
        JsonNode p = Cli.run("label", "parse", "CONFIDENTIAL//ORCON/REL TO USA, KOR", "--json").ok().json();

        assertThat(p.get("classification").asText()).isEqualTo("CONFIDENTIAL");
        assertThat(texts(p.get("caveats"))).containsExactly("ORCON");
        assertThat(texts(p.get("releasableTo"))).containsExactly("USA", "KOR");
    }

    @Test
    void aBannerIsNormalisedToBannerOrder() {
        JsonNode p = Cli.run("label", "parse", "SECRET//REL TO KOR,USA", "--originator", "KOR", "--json").ok().json();

        assertThat(p.get("banner").asText()).isEqualTo("SECRET//REL TO USA, KOR");
    }

    @Test
    void readableOutputListsTheFields() {
        Cli cli = Cli.run("label", "parse", "SECRET//REL TO USA, JPN, KOR", "--originator", "KOR").ok();

        assertThat(cli.outLines()).contains("originator: KOR", "level: 군사Ⅱ급비밀", "releasableTo: USA, JPN, KOR",
                "banner: SECRET//REL TO USA, JPN, KOR");
    }

    @ParameterizedTest
    @MethodSource("labels")
    void aRenderedBannerParsesBackToTheSameBanner(List<String> labelArgs) {
        JsonNode rendered = render(labelArgs);
        String banner = rendered.get("banner").asText();
        String originator = rendered.get("label").get("originator").asText();

        JsonNode parsed = Cli.run("label", "parse", banner, "--originator", originator, "--json").ok().json();

        assertThat(parsed.get("banner").asText()).isEqualTo(banner);
        assertThat(parsed.get("releasableTo")).isEqualTo(rendered.get("label").get("releasableTo"));
        assertThat(parsed.get("caveats")).isEqualTo(rendered.get("label").get("caveats"));
    }

    @ParameterizedTest
    @MethodSource("labels")
    void renderedStanag4774XmlParsesBackToTheSameLabel(List<String> labelArgs, @TempDir Path dir) {
        JsonNode rendered = render(labelArgs);
        Path xml = Cli.write(dir.resolve("label.xml"), rendered.get("stanag4774").asText());

        JsonNode parsed = Cli.run("label", "parse", "--xml", xml.toString(), "--json").ok().json();

        for (String field : LABEL_FIELDS) {
            assertThat(parsed.get(field)).as(field).isEqualTo(rendered.get("label").get(field));
        }
        assertThat(parsed.get("banner").asText()).isEqualTo(rendered.get("banner").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SECRET//NOFORN/REL TO JPN", "SEKRET", "SECRET//FOO", "SECRET//REL TO", "",
            "SECRET//ORCON//REL TO USA, KOR", "SECRET//REL TO USA, 12", "SECRET//REL TO KOR//"})
    void aBadBannerExitsTwoWithOneLine(String banner) {
        Cli cli = Cli.run("label", "parse", banner, "--originator", "KOR", "--json").badInput();

        assertThat(cli.errLine()).startsWith("trisec label parse: ");
        Cli.run("label", "parse", banner).badInput();
    }

    @Test
    void aBannerWhoseReleasabilityLacksTheOriginatorGainsItAsEveryLabelDoes() {
        var json = Cli.run("label", "parse", "SECRET//REL TO USA, JPN", "--originator", "KOR", "--json").ok().json();

        assertThat(json.get("releasableTo").toString()).isEqualTo("[\"USA\",\"JPN\",\"KOR\"]");
        assertThat(json.get("banner").asText()).isEqualTo("SECRET//REL TO USA, JPN, KOR");
    }

    @Test
    void aBannerNamingAnUnknownPartyIsRejectedEvenWithoutAnOriginator() {
        Cli.run("label", "parse", "SECRET//REL TO USA, XXX").badInput();
    }

    @Test
    void aBannerClassificationTheOriginatorLacksIsRejected(@TempDir Path dir) {
        // Every shipped scheme has all four banner words, so add a party whose scheme has only two.
        Path scenario = Scenarios.withLineReplaced(dir, "with-aus.yaml", "\nagreements:\n", """

                  - code: AUS
                    name: Australia
                    levels:
                      - {name: SECRET, banner: SECRET}
                      - {name: UNCLASSIFIED, banner: UNCLASSIFIED}

                agreements:
                """);
        Cli.run("scenario", "check", scenario.toString()).ok();
        Cli.run("label", "parse", "SECRET", "--originator", "AUS", "--scenario", scenario.toString()).ok();

        Cli cli = Cli.run("label", "parse", "TOP SECRET", "--originator", "AUS", "--scenario", scenario.toString())
                .badInput();

        assertThat(cli.errLine()).contains("AUS", "TOP SECRET");
    }

    static Stream<Arguments> badParseCommands() {
        return Stream.of(
                Arguments.of("neither banner nor --xml", List.of()),
                Arguments.of("both banner and --xml", List.of("SECRET", "--xml", "label.xml")),
                Arguments.of("--topic without --originator", List.of("SECRET", "--topic", "dprk.missile")),
                Arguments.of("bad --topic", List.of("SECRET", "--originator", "KOR", "--topic", "DPRK")),
                Arguments.of("unknown --originator", List.of("SECRET", "--originator", "XXX")),
                Arguments.of("unknown party in REL TO", List.of("SECRET//REL TO USA, XXX, KOR", "--originator", "KOR")),
                Arguments.of("missing --xml file", List.of("--xml", "no/such/label.xml")),
                Arguments.of("missing scenario", List.of("SECRET", "--originator", "KOR", "--scenario", "no/such.yaml")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParseCommands")
    void badParseCommandLinesExitTwoWithOneLine(String what, List<String> args) {
        Cli.run(Cli.concat(List.of("label", "parse"), args.toArray(String[]::new))).badInput();
    }

    @Test
    void anXmlLabelNamesItsOwnOriginatorSoOriginatorIsRejected(@TempDir Path dir) {
        JsonNode rendered = render(List.of("--originator", "KOR", "--level", "군사Ⅱ급비밀"));
        Path xml = Cli.write(dir.resolve("label.xml"), rendered.get("stanag4774").asText());

        Cli cli = Cli.run("label", "parse", "--xml", xml.toString(), "--originator", "KOR").badInput();

        assertThat(cli.errLine()).contains("--originator");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "<foo/>",
            "<slab:originatorConfidentialityLabel xmlns:slab=\"urn:nato:stanag:4774:confidentialitymetadatalabel:1:0\">",
            "not xml at all",
            ""})
    void xmlThatIsNotA4774LabelExitsTwoWithOneLine(String text, @TempDir Path dir) {
        Path xml = Cli.write(dir.resolve("bad.xml"), text);

        Cli.run("label", "parse", "--xml", xml.toString()).badInput();
    }

    @Test
    void anXmlLabelWithAnExternalEntityIsRejectedWithoutReadingTheEntity(@TempDir Path dir) {
        Path secret = Cli.write(dir.resolve("secret.txt"), "leakedsecretcontent");
        String label = render(List.of("--originator", "KOR", "--level", "군사Ⅱ급비밀")).get("stanag4774").asText();
        String evil = label.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>")
                .replace(">dprk.nuclear.test<", ">&e;<");
        assertThat(evil).contains("<!DOCTYPE", "&e;");
        Path xml = Cli.write(dir.resolve("evil.xml"), evil);

        Cli cli = Cli.run("label", "parse", "--xml", xml.toString()).badInput();

        assertThat(cli.err()).doesNotContain("leakedsecretcontent");
    }

    @Test
    void anXmlLabelWithAnUnknownLevelIsRejected(@TempDir Path dir) {
        String label = render(List.of("--originator", "KOR", "--level", "군사Ⅱ급비밀")).get("stanag4774").asText();
        Path xml = Cli.write(dir.resolve("tampered.xml"), label.replace("군사Ⅱ급비밀", "군사Ⅸ급비밀"));

        Cli cli = Cli.run("label", "parse", "--xml", xml.toString()).badInput();

        assertThat(cli.errLine()).contains("군사Ⅸ급비밀");
    }
}
