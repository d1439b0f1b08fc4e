package trisec.geo;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import trisec.party.Party;

/**
 * What the region's territories say of one predicted flight; parties in code order.
 *
 * @param overflown          the parties whose land the ground track crosses, the launching party's included
 * @param impactOnLandOf     the parties on whose land the predicted impact point lies (usually none)
 * @param coastDistancesKm   for each party of the region, the great-circle distance from the predicted impact
 *                           point to its coast (infinite for a party with no coast in the region)
 * @param within200NmOfCoast the parties the impact point is on the land of, or within 200 nautical miles of the
 *                           coast of: the modelled stand-in for "inside their EEZ", not the legal zone
 */
public record FlightGeography(Set<Party> overflown, Set<Party> impactOnLandOf, Map<Party, Double> coastDistancesKm,
                              Set<Party> within200NmOfCoast) {
    public FlightGeography {
        overflown = sorted(overflown);
        impactOnLandOf = sorted(impactOnLandOf);
        coastDistancesKm = Collections.unmodifiableSortedMap(new TreeMap<>(coastDistancesKm));
        within200NmOfCoast = sorted(within200NmOfCoast);
    }

    private static Set<Party> sorted(Set<Party> parties) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(parties));
    }

    public boolean overflies(Party party) {
        return overflown.contains(party);
    }

    public boolean isWithin200NmOfCoastOf(Party party) {
        return within200NmOfCoast.contains(party);
    }
}
