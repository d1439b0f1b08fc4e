package trisec.option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import trisec.agreement.AgreementStatus;
import trisec.scenario.Scenario;
import trisec.scenario.Site;
import trisec.scenario.SiteStatus;

/**
 * What an option changes for the scenario's sites (the UN-flagged bases): each site whose agreement stands otherwise
 * at an instant. An option cannot add or remove a site, so the two scenarios have the same sites, named alike.
 */
public record SiteDiff(Instant at, List<Changed> changes) {

    /** A site whose agreement's status differs. */
    public record Changed(Site site, String agreement, AgreementStatus before, AgreementStatus after) {
        /** Served under its agreement before, and no more. */
        public boolean lost() {
            return before.inForce() && !after.inForce();
        }
    }

    public SiteDiff {
        changes = List.copyOf(changes);
    }

    public static SiteDiff of(Scenario before, Scenario after, Instant at) {
        List<SiteStatus> then = SiteStatus.of(before, at);
        List<SiteStatus> now = SiteStatus.of(after, at);
        var changes = new ArrayList<Changed>();
        for (SiteStatus b : then) {
            b.in(now).filter(a -> !a.status().equals(b.status()))
                    .ifPresent(a -> changes.add(new Changed(b.site(), b.agreement().id(), b.status(), a.status())));
        }
        return new SiteDiff(at, changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
