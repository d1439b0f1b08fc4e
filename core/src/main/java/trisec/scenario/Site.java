package trisec.scenario;

import java.time.LocalDate;
import java.util.Optional;
import trisec.party.Party;

/**
 * A place an agreement concerns, such as the UN-flagged bases in Japan under the UN forces SOFA.
 *
 * @param since the day the site took on {@code role}, where known
 */
public record Site(String name, String location, Party host, String agreement, String role, Optional<LocalDate> since) {}
