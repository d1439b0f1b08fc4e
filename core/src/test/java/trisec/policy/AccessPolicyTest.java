package trisec.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trisec.Fixtures.JPN;
import static trisec.Fixtures.KOR;
import static trisec.Fixtures.USA;
import static trisec.Fixtures.jpn;
import static trisec.Fixtures.kor;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import trisec.DomainException;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.topic.Topic;
import trisec.topic.TopicScope;

/** DESIGN §2.9: clearance, need-to-know and nationality; rank or clearance alone never suffice. */
class AccessPolicyTest {
    private final ConfidentialityLabel item = ConfidentialityLabel.of(kor("군사Ⅱ급비밀"), Topic.of("dprk.missile"));
    private final Person analyst = new Person("jpn.analyst", JPN, jpn("極秘"), TopicScope.of("dprk"));

    @Test
    void clearanceNeedToKnowAndNationalityTogetherGrantAccess() {
        var d = AccessPolicy.decide(analyst, item, jpn("極秘"));
        assertThat(d.granted()).isTrue();
        assertThat(d.reasons()).hasSize(3);
    }

    @Test
    void aLevelRankedWithTheClearanceIsWithinIt() {
        assertThat(AccessPolicy.decide(analyst, item, jpn("特定秘密")).granted()).isTrue();
    }

    @Test
    void aClearanceBelowTheItemsLevelIsRefused() {
        var guest = new Person("jpn.guest", JPN, jpn("秘"), TopicScope.of("dprk"));
        var d = AccessPolicy.decide(guest, item, jpn("極秘"));
        assertThat(d.granted()).isFalse();
        assertThat(d.reasons()).containsExactly("clearance 秘 is below 極秘");
    }

    @Test
    void theHighestClearanceWithoutNeedToKnowIsRefused() {
        var chief = new Person("jpn.chief", JPN, jpn("機密"), TopicScope.of("china"));
        var d = AccessPolicy.decide(chief, item, jpn("極秘"));
        assertThat(d.granted()).isFalse();
        assertThat(d.reasons()).singleElement().asString().contains("need-to-know");
    }

    @Test
    void everyFailingCheckIsReported() {
        var guest = new Person("jpn.guest", JPN, jpn("秘"), TopicScope.of());
        var d = AccessPolicy.decide(guest, item.withReleasableTo(List.of(USA)), jpn("極秘"));
        assertThat(d.granted()).isFalse();
        assertThat(d.reasons()).hasSize(3);
    }

    @Test
    void nofornAdmitsOnlyTheOriginatorsNationals() {
        var noforn = item.withCaveats(Set.of(Caveat.NOFORN));
        var korean = new Person("kor.officer", KOR, kor("군사Ⅰ급비밀"), TopicScope.of("dprk"));
        assertThat(AccessPolicy.decide(korean, noforn, kor("군사Ⅱ급비밀")).granted()).isTrue();
        var liaison = new Person("jpn.liaison", JPN, kor("군사Ⅰ급비밀"), TopicScope.of("dprk"));
        assertThat(AccessPolicy.decide(liaison, noforn, kor("군사Ⅱ급비밀")).reasons())
                .singleElement().asString().startsWith("NOFORN");
    }

    @Test
    void clearanceAndMarkingMustBeOfTheSameScheme() {
        assertThatThrownBy(() -> AccessPolicy.decide(analyst, item, kor("군사Ⅱ급비밀")))
                .isInstanceOf(DomainException.class);
    }
}
