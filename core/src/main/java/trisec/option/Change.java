package trisec.option;

import java.time.Instant;
import java.util.Optional;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementStatus;
import trisec.agreement.LifecycleEvent;
import trisec.agreement.Scope;
import trisec.party.Party;
import trisec.scenario.Member;

/**
 * One hypothetical change an {@link Option} makes to a copy of a scenario. Each says what it is in a sentence; what
 * it does to the scenario, and when it makes no sense, is {@link Option#applyTo}'s.
 */
public sealed interface Change {

    /** The change in a sentence, for people. */
    String describe();

    /**
     * A step in the life of an agreement of the scenario (or of one an earlier change adds): a termination notice
     * (with the effective date it states, or the one its terms give), a notice suspended, withdrawn, a termination,
     * a re-entry into force. It takes its place among the agreement's events by date.
     */
    record AgreementEvent(String agreement, LifecycleEvent event) implements Change {
        public String describe() {
            String effective = event instanceof LifecycleEvent.TerminationNotice n && n.effective().isPresent()
                    ? " (effective " + AgreementStatus.format(n.effective().get()) + ")" : "";
            return agreement + ": " + event.type() + event.by().map(p -> " by " + p).orElse("") + " on "
                    + AgreementStatus.format(event.at()) + effective;
        }
    }

    /** An agreement's scope widened or narrowed from an instant on: an amendment stating the new scope. */
    record ScopeChange(String agreement, Instant from, Scope scope, Optional<Party> by, String note) implements Change {
        public String describe() {
            return agreement + ": scope from " + AgreementStatus.format(from) + " " + scope.topics()
                    + (scope.highest().isEmpty() ? "" : ", highest " + scope.highest().values());
        }
    }

    /** An agreement the scenario does not have, with its equivalence, scope and events; tried after all others. */
    record NewAgreement(Agreement agreement) implements Change {
        public String describe() {
            return "new " + agreement.kind() + " " + agreement.id() + " between " + agreement.parties();
        }
    }

    /** A party the scenario does not have, with its classification scheme. */
    record NewParty(Member member) implements Change {
        public String describe() {
            return "new party " + member.party() + " (" + member.name() + ")";
        }
    }

    /** The node of a hub forwards nothing from {@code from} (inclusive) to {@code until} (exclusive). */
    record HubOutage(Party hub, Instant from, Instant until) implements Change {
        public String describe() {
            return "outage of the hub " + hub + " from " + AgreementStatus.format(from) + " until "
                    + AgreementStatus.format(until);
        }
    }
}
