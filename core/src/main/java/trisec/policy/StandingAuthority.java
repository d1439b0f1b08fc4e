package trisec.policy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import trisec.agreement.Agreement;
import trisec.label.ConfidentialityLabel;
import trisec.party.Level;
import trisec.party.Party;
import trisec.scenario.Scenario;
import trisec.topic.Topic;

/**
 * A standing release authority (issue 11): two disclosure officials of the originator agree in advance that its
 * items on a topic subtree, up to a level, go to these recipients without an approval per item, between two
 * instants and, when it names one, only while that agreement is in force. An authority never widens what the
 * release policy allows: every item it covers is still decided by the policy, on the agreements of its instant.
 *
 * @param highest    the highest level it covers, in the originator's scheme (the party whose authority it is)
 * @param validUntil exclusive; none runs until revoked
 * @param under      the agreement it implements (a data mechanism, say), which must be in force at the instant
 */
public record StandingAuthority(String id, Topic topic, Level highest, List<Party> recipients, Instant validFrom,
                                Optional<Instant> validUntil, Optional<String> under) {
    public StandingAuthority {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(highest, "highest");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(under, "under");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an authority names at least one recipient");
        }
        if (recipients.stream().distinct().count() != recipients.size()) {
            throw new IllegalArgumentException("an authority names each recipient once: " + recipients);
        }
        if (recipients.contains(highest.party())) {
            throw new IllegalArgumentException("an authority releases to other parties than its own, "
                    + highest.party());
        }
        if (validUntil.isPresent() && !validUntil.get().isAfter(validFrom)) {
            throw new IllegalArgumentException("an authority's end comes after its start");
        }
    }

    /** The party whose items it releases. */
    public Party party() {
        return highest.party();
    }

    /**
     * Why this authority does not cover an item so labelled at {@code at}, or empty when it does: the item is the
     * authority's party's own, on its topic subtree, at or below its level, inside its validity, and the agreement
     * it is under (if any) is in force. Whether the release is then allowed is the release policy's question.
     */
    public Optional<String> whyNot(ConfidentialityLabel label, Instant at, Scenario scenario) {
        if (!label.originator().equals(party())) {
            return Optional.of("the item is " + label.originator() + "'s, and the authority releases "
                    + party() + "'s own items only");
        }
        if (!topic.covers(label.topic())) {
            return Optional.of("the topic " + label.topic() + " is outside " + topic);
        }
        if (!highest.dominates(label.level())) {
            return Optional.of("the level " + label.level().name() + " is above " + highest.name());
        }
        if (at.isBefore(validFrom)) {
            return Optional.of("the authority is valid from " + validFrom);
        }
        if (validUntil.isPresent() && !at.isBefore(validUntil.get())) {
            return Optional.of("the authority ended at " + validUntil.get());
        }
        if (under.isPresent()) {
            Optional<Agreement> agreement = scenario.agreement(under.get());
            if (agreement.isEmpty()) {
                return Optional.of("the agreement " + under.get() + " it is under is not in the scenario");
            }
            var status = scenario.lifecycle(agreement.get()).statusAt(at);
            if (!scenario.lifecycle(agreement.get()).inForceAt(at)) {
                return Optional.of(under.get() + " is " + status.describe() + " on " + at.toString().substring(0, 10)
                        + ", and the authority is under it");
            }
        }
        return Optional.empty();
    }
}
