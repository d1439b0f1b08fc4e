package trisec.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Topics are dotted hierarchies. */
class TopicTest {
    @Test
    void aScopeCoversItselfAndWhatLiesBelow() {
        Topic missile = Topic.of("dprk.missile");
        assertThat(missile.covers(Topic.of("dprk.missile"))).isTrue();
        assertThat(missile.covers(Topic.of("dprk.missile.warning"))).isTrue();
        assertThat(missile.covers(Topic.of("dprk.nuclear"))).isFalse();
        assertThat(missile.covers(Topic.of("dprk.missiles"))).isFalse();
        assertThat(missile.covers(Topic.of("dprk"))).isFalse();
    }

    @Test
    void scopesCoverTheUnionOfTheirTopics() {
        assertThat(TopicScope.of("dprk.nuclear", "dprk.missile").covers(Topic.of("dprk.missile.warning"))).isTrue();
        assertThat(TopicScope.of().covers(Topic.of("dprk"))).isFalse();
        assertThat(TopicScope.everything().covers(Topic.of("anything.at.all"))).isTrue();
    }

    @Test
    void topicsAreLowerCaseDottedWords() {
        for (String bad : new String[] {"", "DPRK", "dprk.", ".dprk", "dprk..missile", "dprk missile", "dprk/missile"}) {
            assertThatThrownBy(() -> Topic.of(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Topic.isValid("dprk.missile-defense.thaad_2")).isTrue();
    }
}
