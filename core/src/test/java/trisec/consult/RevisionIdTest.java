package trisec.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import trisec.party.Party;

class RevisionIdTest {
    private static final Party JPN = Party.of("JPN");
    private static final Party KOR = Party.of("KOR");
    private static final Party USA = Party.of("USA");

    @Test
    void revisionsAreOrderedByNumberThenByTheProposersPartyCode() {
        var expected = List.of(new RevisionId(1, USA), new RevisionId(2, JPN), new RevisionId(2, KOR),
                new RevisionId(2, USA), new RevisionId(3, JPN), new RevisionId(10, JPN));
        var random = new Random(7);
        for (int i = 0; i < 20; i++) {
            var shuffled = new ArrayList<>(expected);
            Collections.shuffle(shuffled, random);
            assertThat(shuffled.stream().sorted().toList()).isEqualTo(expected);
            assertThat(shuffled.stream().max(RevisionId::compareTo)).contains(new RevisionId(10, JPN));
        }
    }

    @Test
    void ofTwoConcurrentRevisionsTheSameOneIsLatestWhicheverArrivedFirst() {
        var byKor = new RevisionId(2, KOR);
        var byJpn = new RevisionId(2, JPN);
        assertThat(byKor.isAfter(byJpn)).isTrue();
        assertThat(byJpn.isAfter(byKor)).isFalse();
        assertThat(byKor.isAfter(byKor)).isFalse();
        assertThat(new RevisionId(3, JPN).isAfter(byKor)).isTrue();
        assertThat(byKor).hasToString("2 by KOR");
    }

    @Test
    void aRevisionIsNumberedFromOne() {
        assertThatThrownBy(() -> new RevisionId(0, KOR)).hasMessageContaining("numbered from 1");
    }
}
