package trisec.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trisec.Fixtures.JPN;
import static trisec.Fixtures.KOR;
import static trisec.Fixtures.USA;
import static trisec.Fixtures.jpn;
import static trisec.Fixtures.kor;
import static trisec.Fixtures.usa;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import trisec.DomainException;
import trisec.Fixtures;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.party.ClassificationScheme;
import trisec.party.Party;
import trisec.topic.Topic;

/** trisec's marking extension: a label and the recipient's marking, written and read back by one mapping. */
class TrisecMarkingTest {
    private static final Instant CREATED = Instant.parse("2019-08-22T07:15:30.123456Z");

    private static Optional<ClassificationScheme> schemes(Party p) {
        return Fixtures.scenario().findScheme(p);
    }

    static Stream<ConfidentialityLabel> labels() {
        return Stream.of(
                ConfidentialityLabel.of(kor("군사Ⅱ급비밀"), Topic.of("dprk.missile")).withReleasableTo(List.of(USA, JPN)),
                ConfidentialityLabel.of(kor("군사Ⅲ급비밀"), Topic.of("dprk")).withCaveats(Set.of(Caveat.NOFORN)),
                ConfidentialityLabel.of(jpn("特定秘密"), Topic.of("china.maritime"))
                        .withCaveats(Set.of(Caveat.ORCON)).withReleasableTo(List.of(KOR)),
                ConfidentialityLabel.of(usa("UNCLASSIFIED"), Topic.of("consult")))
                .map(l -> l.withCreated(CREATED));
    }

    @ParameterizedTest
    @MethodSource("labels")
    void aLabelReadsBackAsTheSameLabel(ConfidentialityLabel label) {
        var read = TrisecMarking.read(TrisecMarking.properties(label, label.level()), TrisecMarkingTest::schemes);

        assertThat(read.label()).isEqualTo(label);
        assertThat(read.recipientLevel()).isEqualTo(label.level());
    }

    @Test
    void theRecipientsMarkingIsItsOwnLevelWithTheOriginatorsName() {
        var label = labels().findFirst().orElseThrow();
        Map<String, Object> p = TrisecMarking.properties(label, jpn("極秘"));

        assertThat(p).containsEntry("recipient", "JPN").containsEntry("recipient_level", "極秘")
                .containsEntry("recipient_marking", "極秘 (KOR)").containsEntry("banner", "SECRET//REL TO USA, JPN, KOR")
                .containsEntry("releasable_to", List.of("USA", "JPN", "KOR")).containsEntry("level", "군사Ⅱ급비밀");
        assertThat(TrisecMarking.read(p, TrisecMarkingTest::schemes).recipientLevel()).isEqualTo(jpn("極秘"));
        // At the originator the marking is its own level, without a name.
        assertThat(TrisecMarking.properties(label, kor("군사Ⅱ급비밀"))).containsEntry("recipient_marking", "군사Ⅱ급비밀");
    }

    @Test
    void emptyListsAreLeftOutSinceStixListsHoldAValue() {
        var label = ConfidentialityLabel.of(usa("SECRET"), Topic.of("dprk")).withCreated(CREATED);
        assertThat(TrisecMarking.properties(label, label.level())).doesNotContainKeys("releasable_to", "caveats");
    }

    private static Map<String, Object> valid() {
        var label = labels().findFirst().orElseThrow();
        return new LinkedHashMap<>(TrisecMarking.properties(label, jpn("極秘")));
    }

    @Test
    void aContradictionIsRefusedNotGuessed() {
        var banner = valid();
        banner.put("banner", "TOP SECRET//REL TO USA, JPN, KOR");
        assertThatThrownBy(() -> TrisecMarking.read(banner, TrisecMarkingTest::schemes))
                .isInstanceOf(DomainException.class).hasMessageContaining("banner");

        var marking = valid();
        marking.put("recipient_marking", "秘 (KOR)");
        assertThatThrownBy(() -> TrisecMarking.read(marking, TrisecMarkingTest::schemes))
                .isInstanceOf(DomainException.class).hasMessageContaining("recipient's marking");

        var xml = valid();
        xml.put("level", "군사Ⅲ급비밀");
        xml.put("banner", "CONFIDENTIAL//REL TO USA, JPN, KOR");
        assertThatThrownBy(() -> TrisecMarking.read(xml, TrisecMarkingTest::schemes))
                .isInstanceOf(DomainException.class).hasMessageContaining("4774");
    }

    @Test
    void whatTheExtensionDoesNotSayIsRefused() {
        var unknown = valid();
        unknown.put("handling", "eyes only");
        assertThatThrownBy(() -> TrisecMarking.read(unknown, TrisecMarkingTest::schemes))
                .hasMessageContaining("no property 'handling'");

        var missing = valid();
        missing.remove("topic");
        assertThatThrownBy(() -> TrisecMarking.read(missing, TrisecMarkingTest::schemes))
                .hasMessageContaining("lacks 'topic'");

        var party = valid();
        party.put("originator", "XYZ");
        assertThatThrownBy(() -> TrisecMarking.read(party, TrisecMarkingTest::schemes))
                .hasMessageContaining("no classification scheme is known for XYZ");

        var list = valid();
        list.put("caveats", List.of());
        assertThatThrownBy(() -> TrisecMarking.read(list, TrisecMarkingTest::schemes))
                .hasMessageContaining("one or more");

        var type = valid();
        type.put("extension_type", "new-sdo");
        assertThatThrownBy(() -> TrisecMarking.read(type, TrisecMarkingTest::schemes))
                .hasMessageContaining("property-extension");

        var alias = valid();
        alias.put("level", "군사2급비밀");
        assertThatThrownBy(() -> TrisecMarking.read(alias, TrisecMarkingTest::schemes))
                .isInstanceOf(DomainException.class);
    }
}
