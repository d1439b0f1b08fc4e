package trisec.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.party.Classification;
import trisec.party.Level;
import trisec.party.Party;

/** A release's route runs from its holder to its recipient, directly or through one hub. */
class ReleaseTest {
    private static final Party KOR = Party.of("KOR");
    private static final Party JPN = Party.of("JPN");
    private static final Party USA = Party.of("USA");
    private static final Level GOKUHI = new Level(JPN, "極秘", 2, 1, Classification.SECRET);

    @Test
    void aDirectRouteHasNoHubAndAHubRouteNamesIt() {
        var direct = new Release("r1", "i1", List.of(KOR, JPN), List.of("kor-jpn-gsomia-2016"), Optional.of(GOKUHI));
        assertThat(direct.holder()).isEqualTo(KOR);
        assertThat(direct.recipient()).isEqualTo(JPN);
        assertThat(direct.nextHop()).isEqualTo(JPN);
        assertThat(direct.hub()).isEmpty();

        var viaHub = new Release("r2", "i1", List.of(KOR, USA, JPN), List.of("tisa-2014"), Optional.of(GOKUHI));
        assertThat(viaHub.nextHop()).isEqualTo(USA);
        assertThat(viaHub.hub()).contains(USA);
        assertThat(viaHub.recipient()).isEqualTo(JPN);
    }

    @Test
    void aRouteGoesSomewhereElseInAtMostTwoHops() {
        for (var route : List.of(List.of(KOR), List.<Party>of(), List.of(KOR, KOR), List.of(KOR, USA, KOR),
                List.of(KOR, USA, Party.of("AUS"), JPN))) {
            assertThatThrownBy(() -> new Release("r", "i", route, List.of(), Optional.empty()))
                    .as("route %s", route).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theRecipientMarksItsCopyInItsOwnScheme() {
        assertThatThrownBy(() -> new Release("r", "i", List.of(JPN, KOR), List.of(), Optional.of(GOKUHI)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JPN");
    }

    @Test
    void aDecisionTakenAgainKeepsTheReleaseAndChangesItsRoute() {
        var first = new Release("r1", "i1", List.of(KOR, JPN), List.of("gsomia"), Optional.of(GOKUHI));
        var again = first.redecided(List.of(KOR, USA, JPN), List.of("tisa-2014"), Optional.empty());
        assertThat(again.id()).isEqualTo("r1");
        assertThat(again.itemId()).isEqualTo("i1");
        assertThat(again.hub()).contains(USA);
        assertThat(again.recipientLevel()).isEmpty();
    }
}
