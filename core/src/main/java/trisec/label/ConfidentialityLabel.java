package trisec.label;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import trisec.party.Level;
import trisec.party.Party;
import trisec.topic.Topic;

/**
 * A confidentiality label, STANAG 4774 in structure: the originator's policy and classification (a level of
 * the originator's national scheme), the permissive category Releasable To, the restrictive caveats, the
 * topic, and when it was created.
 *
 * <p>A non-empty releasability list always includes the originator (a party can always hold its own
 * information), and is kept in banner order. {@code NOFORN} and a releasability list exclude each other.
 */
public record ConfidentialityLabel(
        Party originator,
        Level level,
        List<Party> releasableTo,
        Set<Caveat> caveats,
        Topic topic,
        Optional<Instant> created) {

    public ConfidentialityLabel {
        if (!level.party().equals(originator)) {
            throw new IllegalArgumentException(level.name() + " is a level of " + level.party()
                    + ", not of the originator " + originator);
        }
        caveats = caveats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(caveats));
        if (caveats.contains(Caveat.NOFORN) && !releasableTo.isEmpty()) {
            throw new IllegalArgumentException("NOFORN and a releasability list exclude each other");
        }
        if (!releasableTo.isEmpty()) {
            var parties = new ArrayList<>(releasableTo.stream().distinct().toList());
            if (!parties.contains(originator)) {
                parties.add(originator);
            }
            parties.sort(Party.BANNER_ORDER);
            releasableTo = List.copyOf(parties);
        } else {
            releasableTo = List.of();
        }
    }

    public static ConfidentialityLabel of(Level level, Topic topic) {
        return new ConfidentialityLabel(level.party(), level, List.of(), Set.of(), topic, Optional.empty());
    }

    public ConfidentialityLabel withReleasableTo(List<Party> parties) {
        return new ConfidentialityLabel(originator, level, parties, caveats, topic, created);
    }

    public ConfidentialityLabel withCaveats(Set<Caveat> set) {
        return new ConfidentialityLabel(originator, level, releasableTo, set, topic, created);
    }

    public ConfidentialityLabel withCreated(Instant at) {
        return new ConfidentialityLabel(originator, level, releasableTo, caveats, topic, Optional.of(at));
    }

    public boolean has(Caveat caveat) {
        return caveats.contains(caveat);
    }

    /** Whether the releasability list lets {@code party} receive the item; an empty list restricts nothing. */
    public boolean releasableTo(Party party) {
        return releasableTo.isEmpty() || releasableTo.contains(party);
    }

    /** The caveats in banner order. */
    public List<Caveat> caveatsInOrder() {
        return caveats.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(caveats));
    }
}
