package trisec.option;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleasePolicy;
import trisec.policy.Verdict;

/**
 * What an option would have done to a recorded release history: each past release decided again, at its own
 * instant and with the same request, by the release policy of the option's scenario. The history and the decisions
 * it records are only read.
 */
public record HistoryImpact(List<Impact> impacts, int unchanged) {

    /** How a past release would go under the option. */
    public enum Effect {
        /** Was permitted or held for consent; would be denied. */
        REFUSED,
        /** Would wait for the originator's consent, where it went or was denied. */
        HELD_FOR_CONSENT,
        /** Same verdict, another route (through the hub instead of directly, say). */
        REROUTED,
        /** Same verdict and route, resting on other agreements. */
        NEW_BASIS,
        /** Was denied or held for consent; would be permitted. */
        ALLOWED
    }

    /** A past release that would go otherwise, with the decision it would get. */
    public record Impact(PastRelease release, Effect effect, ReleaseDecision now) {}

    public HistoryImpact {
        impacts = List.copyOf(impacts);
    }

    /** @throws trisec.DomainException when a past request is not a question on the option's scenario */
    public static HistoryImpact of(List<PastRelease> history, ReleasePolicy option) {
        var impacts = new ArrayList<Impact>();
        int unchanged = 0;
        for (PastRelease past : history) {
            ReleaseDecision now = option.decide(past.request());
            Effect effect = effect(past, now);
            if (effect == null) {
                unchanged++;
            } else {
                impacts.add(new Impact(past, effect, now));
            }
        }
        return new HistoryImpact(impacts, unchanged);
    }

    /**
     * What the option changes in a recorded history, against what the real agreements answer to the same questions
     * today, not against the record: a release recorded otherwise than the real policy now decides it (an item since
     * reclassified, a route the hub chose) is the record's difference, not the option's. Each impact's release is the
     * real policy's answer; a question both answer alike is unchanged.
     *
     * @throws trisec.DomainException when a past request is not a question on either scenario
     */
    public static HistoryImpact against(List<PastRelease> history, ReleasePolicy real, ReleasePolicy option) {
        var asTheRealAgreementsAnswer = new ArrayList<PastRelease>();
        for (PastRelease past : history) {
            ReleaseDecision base = real.decide(past.request());
            asTheRealAgreementsAnswer.add(new PastRelease(past.id(), past.request(), base.verdict(), base.route(),
                    base.basis()));
        }
        return of(asTheRealAgreementsAnswer, option);
    }

    /** Null when the release would go exactly as it went. */
    static Effect effect(PastRelease past, ReleaseDecision now) {
        Verdict was = past.verdict();
        Verdict is = now.verdict();
        if (was != is) {
            return switch (is) {
                case DENY -> Effect.REFUSED;
                case CONSENT_REQUIRED -> Effect.HELD_FOR_CONSENT;
                case PERMIT -> Effect.ALLOWED;
            };
        }
        if (!past.route().equals(now.route())) {
            return Effect.REROUTED;
        }
        return past.basis().equals(now.basis()) ? null : Effect.NEW_BASIS;
    }

    /** How many past releases each effect touches. */
    public Map<Effect, Integer> counts() {
        var counts = new EnumMap<Effect, Integer>(Effect.class);
        for (Effect e : Effect.values()) {
            counts.put(e, 0);
        }
        impacts.forEach(i -> counts.merge(i.effect(), 1, Integer::sum));
        return counts;
    }
}
