package trisec.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trisec.Fixtures.JPN;
import static trisec.Fixtures.USA;
import static trisec.Fixtures.day;
import static trisec.Fixtures.kor;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import trisec.DomainException;
import trisec.Fixtures;
import trisec.party.Party;
import trisec.topic.Topic;

/** STANAG 4774 originator confidentiality labels in XML. */
class Stanag4774Test {
    private final ConfidentialityLabel item = ConfidentialityLabel.of(kor("군사Ⅱ급비밀"), Topic.of("dprk.missile"))
            .withReleasableTo(List.of(USA, JPN)).withCaveats(Set.of(Caveat.ORCON)).withCreated(day("2017-03-01"));

    private static Optional<trisec.party.ClassificationScheme> schemes(Party p) {
        return Fixtures.scenario().findScheme(p);
    }

    @Test
    void theLabelIsWellFormedXmlInTheStanagNamespace() throws Exception {
        String xml = Stanag4774.toXml(item, day("2000-01-01"));
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("urn:nato:stanag:4774:confidentialitymetadatalabel:1:0");
        assertThat(root.getLocalName()).isEqualTo("originatorConfidentialityLabel");
        assertThat(root.getElementsByTagNameNS(Stanag4774.NAMESPACE, "Classification").item(0).getTextContent())
                .isEqualTo("군사Ⅱ급비밀");
        assertThat(root.getElementsByTagNameNS(Stanag4774.NAMESPACE, "PolicyIdentifier").item(0).getTextContent())
                .isEqualTo("KOR");
        assertThat(root.getElementsByTagNameNS(Stanag4774.NAMESPACE, "CreationDateTime").item(0).getTextContent())
                .isEqualTo("2017-03-01T00:00:00Z");
    }

    @Test
    void itReadsBackToTheSameLabel() {
        assertThat(Stanag4774.parse(Stanag4774.toXml(item, day("2000-01-01")), Stanag4774Test::schemes)).isEqualTo(item);
    }

    @Test
    void aLabelWithoutItsOwnCreationTimeTakesTheOneGiven() {
        var bare = ConfidentialityLabel.of(kor("군사Ⅲ급비밀"), Topic.of("x"));
        assertThat(Stanag4774.parse(Stanag4774.toXml(bare, day("2020-02-02")), Stanag4774Test::schemes).created())
                .contains(day("2020-02-02"));
    }

    @Test
    void hostileOrForeignXmlIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<slab:originatorConfidentialityLabel xmlns:slab=\"" + Stanag4774.NAMESPACE + "\">&e;"
                + "</slab:originatorConfidentialityLabel>";
        assertThatThrownBy(() -> Stanag4774.parse(xxe, Stanag4774Test::schemes)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Stanag4774.parse("<label/>", Stanag4774Test::schemes))
                .isInstanceOf(DomainException.class).hasMessageContaining("not a STANAG 4774");
        assertThatThrownBy(() -> Stanag4774.parse("not xml", Stanag4774Test::schemes)).isInstanceOf(DomainException.class);
        String unknownLevel = Stanag4774.toXml(item, day("2000-01-01")).replace("군사Ⅱ급비밀", "極秘");
        assertThatThrownBy(() -> Stanag4774.parse(unknownLevel, Stanag4774Test::schemes))
                .isInstanceOf(DomainException.class).hasMessageContaining("not a level of KOR");
    }

    @Test
    void anOriginatorIdContradictingThePolicyIsRefused() {
        String forged = Stanag4774.toXml(item, day("2000-01-01")).replace("urn:trisec:party:KOR", "urn:trisec:party:JPN");
        assertThatThrownBy(() -> Stanag4774.parse(forged, Stanag4774Test::schemes))
                .isInstanceOf(DomainException.class).hasMessageContaining("contradicts policy identifier KOR");
    }

    @Test
    void markupInValuesIsEscaped() {
        assertThat(Stanag4774.escape("<a & 'b'>")).isEqualTo("&lt;a &amp; &apos;b&apos;&gt;");
    }
}
