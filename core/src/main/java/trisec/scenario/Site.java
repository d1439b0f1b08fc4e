package trisec.scenario;

import java.time.LocalDate;
import java.util.Optional;
import trisec.party.Party;
import trisec.warning.GeoPoint;

/**
 * A place an agreement concerns, such as the UN-flagged bases in Japan under the UN forces SOFA.
 *
 * @param location the region it is in, for people (a prefecture, a state)
 * @param point    where it is on the map, where the scenario says; a site without one is listed, not drawn
 * @param since    the day the site took on {@code role}, where known
 */
public record Site(String name, String location, Optional<GeoPoint> point, Party host, String agreement, String role,
                   Optional<LocalDate> since) {}
