package trisec.node.option;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import trisec.DomainException;
import trisec.node.base.Refusal;
import trisec.option.HistoryImpact;
import trisec.option.Reachability;
import trisec.option.ReachabilityDiff;
import trisec.option.ReachabilityDiffTimeline;
import trisec.option.SinglePoints;
import trisec.option.SiteDiff;
import trisec.option.TopicTree;
import trisec.policy.ReleasePolicy;
import trisec.scenario.Scenario;

/**
 * The picture of an option on one instant (docs/OPTIONS.md): the reachability matrix of the agreements as this node
 * knows them and of the option's copy of them, over one topic tree, and how they differ; the single points of
 * failure of each; the sites (the UN-flagged bases) whose agreement then stands otherwise; and what the option would
 * have done to this node's recorded releases. Every cell and every decision is the release policy's own, on one
 * scenario or the other.
 */
public record OptionPicture(Instant at, Scenario real, Scenario changed, Reachability before, Reachability after,
                            ReachabilityDiff diff, SinglePoints pointsBefore, SinglePoints pointsAfter, SiteDiff sites,
                            List<ReachabilityDiffTimeline.Stretch> turns, Instant turnsUntil, OptionHistory history,
                            HistoryImpact impact) {
    /** How far the turns are looked for: ten years from the first date the option names. */
    static final int TURNS_YEARS = 10;

    public OptionPicture {
        turns = List.copyOf(turns);
    }

    /**
     * @param from where to look for the turns: the first date the option names (the periods in which it changes a
     *             cell, over ten years from then, so that a reader finds the dates worth looking at)
     */
    static OptionPicture of(Scenario real, Scenario changed, Instant at, Instant from, OptionHistory history) {
        TopicTree tree = TopicTree.of(real, changed);
        ReleasePolicy option = ReleasePolicy.of(changed);
        Reachability before = Reachability.of(ReleasePolicy.of(real), at, tree);
        Reachability after = Reachability.of(option, at, tree);
        Instant until = from.atOffset(ZoneOffset.UTC).plusYears(TURNS_YEARS).toInstant();
        List<ReachabilityDiffTimeline.Stretch> turns = ReachabilityDiffTimeline.of(real, changed, from, until, tree)
                .stretches().stream().filter(p -> !p.diff().isEmpty()).toList();
        return new OptionPicture(at, real, changed, before, after, ReachabilityDiff.between(before, after),
                SinglePoints.of(real, at, tree), SinglePoints.of(changed, at, tree), SiteDiff.of(real, changed, at),
                turns, until, history,
                impact(history, ReleasePolicy.of(real), option));
    }

    /** The option's effect on this node's releases, against what the real agreements answer to the same questions. */
    static HistoryImpact impact(OptionHistory history, ReleasePolicy real, ReleasePolicy option) {
        try {
            return HistoryImpact.against(history.history(), real, option);
        } catch (DomainException e) {
            throw Refusal.conflict("OPTION_DOES_NOT_FIT", "a recorded release is not a question on the option's"
                    + " agreements: " + e.getMessage());
        }
    }
}
