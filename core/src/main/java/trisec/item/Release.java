package trisec.item;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import trisec.party.Level;
import trisec.party.Party;

/**
 * A release (DESIGN §1): an item going from a holder to a recipient party, on a route, under a legal basis. The
 * route starts at the holder and ends at the recipient; a route of three parties goes through a hub. The release
 * policy's decision gives the route, the basis and the level the recipient marks its copy with.
 *
 * @param basis          the agreements the release rests on, by id
 * @param recipientLevel the level in the recipient's scheme its copy is marked with
 */
public record Release(String id, String itemId, List<Party> route, List<String> basis, Optional<Level> recipientLevel) {
    public Release {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(itemId, "itemId");
        route = List.copyOf(route);
        basis = List.copyOf(basis);
        Objects.requireNonNull(recipientLevel, "recipientLevel");
        if (route.size() < 2 || route.size() > 3 || route.stream().distinct().count() != route.size()) {
            throw new IllegalArgumentException("a release's route goes from the holder to the recipient, directly or"
                    + " through one hub: " + route);
        }
        if (recipientLevel.isPresent() && !recipientLevel.get().party().equals(route.getLast())) {
            throw new IllegalArgumentException("the recipient marks its copy in its own scheme, not "
                    + recipientLevel.get().party() + "'s");
        }
    }

    /** The party that sends the item: this release's holder. */
    public Party holder() {
        return route.getFirst();
    }

    public Party recipient() {
        return route.getLast();
    }

    /** The party the item goes to first: the recipient, or the hub on a hub route. */
    public Party nextHop() {
        return route.get(1);
    }

    /** The hub that forwards the item, on a hub route. */
    public Optional<Party> hub() {
        return route.size() == 3 ? Optional.of(route.get(1)) : Optional.empty();
    }

    /** The same release decided again: the route, basis and recipient level of the newer decision. */
    public Release redecided(List<Party> newRoute, List<String> newBasis, Optional<Level> newLevel) {
        return new Release(id, itemId, newRoute, newBasis, newLevel);
    }
}
