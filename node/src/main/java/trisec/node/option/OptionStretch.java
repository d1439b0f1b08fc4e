package trisec.node.option;

import java.time.Instant;
import trisec.option.HistoryImpact;
import trisec.option.ReachabilityDiffTimeline;
import trisec.policy.ReleasePolicy;
import trisec.scenario.Scenario;

/**
 * The picture of an option over a stretch of time: core's {@link ReachabilityDiffTimeline} (the stretch cut where
 * either matrix changes — an agreement's status or scope, an outage, in the real agreements or the option's —
 * neighbouring periods with the same difference joined, each with the difference that holds through it); and the
 * history impact, which does not depend on the stretch (each recorded release is decided again at its own instant).
 */
public record OptionStretch(ReachabilityDiffTimeline timeline, OptionHistory history, HistoryImpact impact) {

    static OptionStretch of(Scenario real, Scenario changed, Instant from, Instant until, OptionHistory history) {
        return new OptionStretch(ReachabilityDiffTimeline.of(real, changed, from, until), history,
                OptionPicture.impact(history, ReleasePolicy.of(real), ReleasePolicy.of(changed)));
    }

    public Instant from() {
        return timeline.from();
    }

    public Instant until() {
        return timeline.until();
    }
}
