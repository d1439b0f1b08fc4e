package trisec.scenario;

import java.time.Instant;
import trisec.party.Party;

/**
 * A stretch of time during which a party's node forwards nothing for others, from {@code from} (inclusive) to
 * {@code until} (exclusive): no hub route and no data mechanism's route passes through it. What the party itself
 * sends or receives is not a question of what may be released, so direct releases are unchanged. No real scenario
 * has one; an option's hub outage adds one ({@code docs/OPTIONS.md}), and the release policy routes around it.
 */
public record Outage(Party party, Instant from, Instant until) {
    public Outage {
        if (party == null || from == null || until == null) {
            throw new IllegalArgumentException("an outage names its party, its start and its end");
        }
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("an outage of " + party + " ends after it starts");
        }
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(until);
    }
}
