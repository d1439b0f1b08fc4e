package trisec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.cli.Cli.keys;
import static trisec.cli.Cli.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** {@code trisec label render}: banner, national markings and STANAG 4774 XML of one label. */
class LabelRenderCommandTest {
    static final String NS = "urn:nato:stanag:4774:confidentialitymetadatalabel:1:0";
    static final List<String> KOR_CLASS_II = List.of("label", "render", "--originator", "KOR", "--level", "군사Ⅱ급비밀",
            "--topic", "dprk.missile");

    static JsonNode render(String... more) {
        return Cli.run(Cli.concat(KOR_CLASS_II, Cli.concat(List.of(more), "--json").toArray(String[]::new))).ok()
                .json();
    }

    static Document parseXml(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static String only(Document doc, String localName) {
        NodeList nodes = doc.getElementsByTagNameNS(NS, localName);
        assertThat(nodes.getLength()).as("number of %s elements", localName).isEqualTo(1);
        return nodes.item(0).getTextContent();
    }

    @Test
    void jsonHasTheLabelBannerMarkingsAndXml() {
        JsonNode r = render("--rel-to", "USA,JPN", "--at", "2019-12-01");

        assertThat(keys(r)).containsExactly("label", "banner", "nationalMarkings", "stanag4774");
        JsonNode label = r.get("label");
        assertThat(label.get("originator").asText()).isEqualTo("KOR");
        assertThat(label.get("level").asText()).isEqualTo("군사Ⅱ급비밀");
        assertThat(texts(label.get("releasableTo"))).as("the originator is added, in banner order")
                .containsExactly("USA", "JPN", "KOR");
        assertThat(label.get("topic").asText()).isEqualTo("dprk.missile");
        assertThat(label.get("created").asText()).as("created defaults to --at").isEqualTo("2019-12-01T00:00:00Z");
    }

    @Test
    void theBannerPutsUsaFirstThenAlphabetical() {
        assertThat(render("--rel-to", "USA,JPN", "--at", "2019-12-01").get("banner").asText())
                .isEqualTo("SECRET//REL TO USA, JPN, KOR");
        assertThat(render("--rel-to", "JPN,USA", "--at", "2019-12-01").get("banner").asText())
                .isEqualTo("SECRET//REL TO USA, JPN, KOR");
    }

    @Test
    void eachPartyIsShownWithItsOwnMarkingAndTheOriginatorsName() {
        JsonNode m = render("--rel-to", "USA,JPN", "--at", "2019-12-01").get("nationalMarkings");

        assertThat(keys(m)).containsExactlyInAnyOrder("KOR", "JPN", "USA");
        assertThat(m.get("KOR").get("marking").asText()).isEqualTo("군사Ⅱ급비밀");
        assertThat(m.get("JPN").get("marking").asText()).isEqualTo("極秘 (KOR)");
        assertThat(texts(m.get("JPN").get("basis"))).containsExactly("kor-jpn-gsomia-2016");
        assertThat(m.get("JPN").get("notReleasable").isNull()).isTrue();
        assertThat(m.get("USA").get("marking").asText()).isEqualTo("SECRET (KOR)");
        assertThat(texts(m.get("USA").get("basis"))).containsExactly("usa-kor-gsomia-1987");
    }

    @Test
    void markingsFollowTheDate() {
        JsonNode before = render("--at", "2013-06-01").get("nationalMarkings");
        JsonNode hub = render("--at", "2015-06-01").get("nationalMarkings");

        assertThat(before.get("JPN").get("marking").isNull()).isTrue();
        assertThat(before.get("JPN").get("notReleasable").asText()).contains("not yet signed");
        assertThat(hub.get("JPN").get("marking").asText()).isEqualTo("極秘 (KOR)");
        assertThat(texts(hub.get("JPN").get("basis"))).startsWith("tisa-2014");
    }

    @Test
    void stanag4774IsWellFormedNamespacedXmlWithPolicyAndClassification() throws Exception {
        String xml = render("--rel-to", "USA,JPN", "--at", "2019-12-01").get("stanag4774").asText();

        Document doc = parseXml(xml);
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("originatorConfidentialityLabel");
        assertThat(root.getNamespaceURI()).isEqualTo(NS);
        assertThat(only(doc, "PolicyIdentifier")).isEqualTo("KOR");
        assertThat(only(doc, "Classification")).isEqualTo("군사Ⅱ급비밀");
        assertThat(only(doc, "CreationDateTime")).isEqualTo("2019-12-01T00:00:00Z");
        NodeList values = doc.getElementsByTagNameNS(NS, "GenericValue");
        var texts = new java.util.ArrayList<String>();
        for (int i = 0; i < values.getLength(); i++) {
            texts.add(values.item(i).getTextContent());
        }
        assertThat(texts).containsExactly("USA", "JPN", "KOR", "dprk.missile");
    }

    @Test
    void createdOverridesTheCreationTimeWrittenInTheXml() throws Exception {
        JsonNode r = render("--at", "2019-12-01", "--created", "2019-11-30T08:15:00Z");

        assertThat(r.get("label").get("created").asText()).isEqualTo("2019-11-30T08:15:00Z");
        assertThat(only(parseXml(r.get("stanag4774").asText()), "CreationDateTime")).isEqualTo("2019-11-30T08:15:00Z");
    }

    @Test
    void nofornBannerAndNoForeignMarkings() {
        JsonNode r = render("--caveat", "NOFORN", "--at", "2019-12-01");

        assertThat(r.get("banner").asText()).isEqualTo("SECRET//NOFORN");
        JsonNode m = r.get("nationalMarkings");
        assertThat(m.get("KOR").get("marking").asText()).isEqualTo("군사Ⅱ급비밀");
        for (String foreign : List.of("JPN", "USA")) {
            assertThat(m.get(foreign).get("marking").isNull()).as(foreign).isTrue();
            assertThat(texts(m.get(foreign).get("basis"))).as(foreign).isEmpty();
            assertThat(m.get(foreign).get("notReleasable").asText()).as(foreign).contains("NOFORN");
        }
    }

    @Test
    void classIHasNoJapaneseMarkingButAnAmericanOne() {
        JsonNode m = Cli.run("label", "render", "--originator", "KOR", "--level", "군사Ⅰ급비밀", "--topic",
                "dprk.missile", "--at", "2017-03-01", "--json").ok().json().get("nationalMarkings");

        assertThat(m.get("JPN").get("marking").isNull()).isTrue();
        assertThat(m.get("JPN").get("notReleasable").asText()).contains("군사Ⅰ급비밀");
        assertThat(m.get("USA").get("marking").asText()).isEqualTo("TOP SECRET (KOR)");
    }

    @Test
    void readableOutputShowsBannerMarkingsAndXml() throws Exception {
        Cli cli = Cli.run(Cli.concat(KOR_CLASS_II, "--rel-to", "USA,JPN", "--at", "2019-12-01")).ok();

        List<String> lines = cli.outLines();
        assertThat(lines.getFirst()).isEqualTo("banner:  SECRET//REL TO USA, JPN, KOR");
        assertThat(lines).contains("national markings on 2019-12-01:", "  JPN  極秘 (KOR)  (under kor-jpn-gsomia-2016)",
                "STANAG 4774:");
        String xml = cli.out().substring(cli.out().indexOf("STANAG 4774:") + "STANAG 4774:".length()).strip();
        assertThat(parseXml(xml).getDocumentElement().getLocalName()).isEqualTo("originatorConfidentialityLabel");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("unknown originator", List.of("--originator", "XXX", "--level", "SECRET", "--topic", "dprk")),
                Arguments.of("level not of the originator",
                        List.of("--originator", "KOR", "--level", "極秘", "--topic", "dprk")),
                Arguments.of("bad topic", List.of("--originator", "KOR", "--level", "군사Ⅱ급비밀", "--topic", "a..b")),
                Arguments.of("unknown rel-to",
                        List.of("--originator", "KOR", "--level", "군사Ⅱ급비밀", "--topic", "dprk", "--rel-to", "ZZZ")),
                Arguments.of("NOFORN with rel-to", List.of("--originator", "KOR", "--level", "군사Ⅱ급비밀", "--topic",
                        "dprk", "--caveat", "NOFORN", "--rel-to", "JPN")),
                Arguments.of("unknown caveat",
                        List.of("--originator", "KOR", "--level", "군사Ⅱ급비밀", "--topic", "dprk", "--caveat", "X")),
                Arguments.of("bad --at",
                        List.of("--originator", "KOR", "--level", "군사Ⅱ급비밀", "--topic", "dprk", "--at", "nope")),
                Arguments.of("bad --created",
                        List.of("--originator", "KOR", "--level", "군사Ⅱ급비밀", "--topic", "dprk", "--created", "2019-13-01")),
                Arguments.of("missing --topic", List.of("--originator", "KOR", "--level", "군사Ⅱ급비밀")),
                Arguments.of("missing --level", List.of("--originator", "KOR", "--topic", "dprk")),
                Arguments.of("missing --originator", List.of("--level", "SECRET", "--topic", "dprk")),
                Arguments.of("unknown option",
                        List.of("--originator", "KOR", "--level", "군사Ⅱ급비밀", "--topic", "dprk", "--holder", "USA")),
                Arguments.of("missing scenario", List.of("--originator", "KOR", "--level", "군사Ⅱ급비밀", "--topic", "dprk",
                        "--scenario", "no/such.yaml")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputExitsTwoWithOneLine(String what, List<String> args) {
        Cli cli = Cli.run(Cli.concat(List.of("label", "render", "--json"), args.toArray(String[]::new))).badInput();

        assertThat(cli.errLine()).startsWith("trisec label render: ");
    }
}
