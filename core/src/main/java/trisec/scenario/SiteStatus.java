package trisec.scenario;

import java.time.Instant;
import java.util.List;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementStatus;

/**
 * A site on an instant: the status of the agreement it rests on, read from that agreement's life in the scenario
 * given. Any scenario answers, an option's too, so an option that ends or changes the agreement changes the sites'
 * status with it (docs/OPTIONS.md, "UN Command–Rear").
 */
public record SiteStatus(Site site, Agreement agreement, AgreementStatus status) {

    /** Every site of the scenario, in its order, at {@code at}. */
    public static List<SiteStatus> of(Scenario scenario, Instant at) {
        return scenario.sites().stream().map(s -> {
            // A scenario holds only sites whose agreement it has (its constructor checks).
            Agreement a = scenario.agreement(s.agreement()).orElseThrow();
            return new SiteStatus(s, a, scenario.lifecycle(a).statusAt(at));
        }).toList();
    }

    /**
     * The same site's status among {@code others} (another scenario's, such as an option's): an option adds no site
     * and removes none, and a site is known by its name, so each site of one scenario has one in the other.
     */
    public java.util.Optional<SiteStatus> in(List<SiteStatus> others) {
        return others.stream().filter(o -> o.site().name().equals(site.name())).findFirst();
    }

    /** Whether the agreement is in force, so that the site serves under it. */
    public boolean covered() {
        return status.inForce();
    }
}
