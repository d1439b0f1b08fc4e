package trisec.policy;

import java.time.Instant;
import java.util.List;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementStatus;
import trisec.party.Level;
import trisec.party.Party;
import trisec.topic.Topic;
import trisec.topic.TopicScope;

/**
 * Why a rule of DESIGN §2 fired. Reasons are values; their text is made only when someone reads it, so
 * deciding stays cheap.
 */
public sealed interface Reason {

    String message();

    record Noforn(Party originator, Party recipient) implements Reason {
        public String message() {
            return "NOFORN: only " + originator + " may receive this item, not " + recipient;
        }
    }

    record NotReleasable(Party recipient, List<Party> releasableTo) implements Reason {
        public String message() {
            return "REL TO " + String.join(", ", releasableTo.stream().map(Party::code).toList())
                    + " does not include " + recipient + "; only the originator can widen it, by relabelling";
        }
    }

    record Unclassified() implements Reason {
        public String message() {
            return "UNCLASSIFIED without caveats is released directly; no agreement is needed";
        }
    }

    record NoHolderLevel(Party holder, Level level) implements Reason {
        public String message() {
            return holder + " has no level corresponding to " + level.party() + "'s " + level.name()
                    + " under any agreement, so it cannot hold this item";
        }
    }

    record Direct(Agreement sia, Topic topic, Level from, Level to) implements Reason {
        public String message() {
            return sia.id() + " (SIA between " + from.party() + " and " + to.party() + ") is in force, covers "
                    + topic + " and maps " + from.name() + " to " + to.name();
        }
    }

    record ViaHub(Agreement arrangement, Topic topic, Agreement first, Agreement second,
                  Level from, Level atHub, Level to) implements Reason {
        public String message() {
            return arrangement.id() + " (hub " + atHub.party() + ") is in force and covers " + topic + ": "
                    + from.party() + " → " + atHub.party() + " under " + first.id() + " (" + from.name() + " → "
                    + atHub.name() + "), " + atHub.party() + " → " + to.party() + " under " + second.id() + " ("
                    + atHub.name() + " → " + to.name() + ")";
        }
    }

    /** The hub forwards only with the originator's consent; {@code carried} when the originator itself sends. */
    record HubForwarding(Party hub, Party originator, boolean carried) implements Reason {
        public String message() {
            return hub + " forwards only with " + originator + "'s consent, which "
                    + (carried ? "this release from the originator carries" : "is on record");
        }
    }

    /**
     * A data mechanism of the originator, the holder and the recipient, in force and covering the topic, is their
     * standing consent to share that data among themselves: no consent per item, the hub's forwarding included.
     */
    record StandingConsent(Agreement mechanism, Party originator, Party recipient, Topic topic) implements Reason {
        public String message() {
            return "third-party rule: " + mechanism.id() + " is in force and stands for " + originator
                    + "'s consent to share " + topic + " with " + recipient + ", through its hub too";
        }
    }

    record ConsentRequired(Party originator, Party holder, Party recipient) implements Reason {
        public String message() {
            return "third-party rule: " + holder + " may release " + originator + "'s information to " + recipient
                    + " only with " + originator + "'s consent, which is not on record";
        }
    }

    record ConsentOnRecord(Party originator, Party recipient) implements Reason {
        public String message() {
            return "third-party rule: " + originator + "'s consent to release to " + recipient + " is on record";
        }
    }

    record RecipientMarking(Level level, Party originator) implements Reason {
        public String message() {
            return level.party() + " marks it " + level.name() + " with the originator " + originator
                    + "'s name (recipient marking, GSOMIA Art. 4(2))";
        }
    }

    record NoSia(Party a, Party b) implements Reason {
        public String message() {
            return "no security-of-information agreement (SIA) between " + a + " and " + b;
        }
    }

    record NoHub(Party a, Party b) implements Reason {
        public String message() {
            return "no hub arrangement includes both " + a + " and " + b + " with a third party as hub";
        }
    }

    /** An agreement that might have carried the release but was not in force at the instant decided. */
    record NotInForce(Agreement agreement, AgreementStatus status, Instant at) implements Reason {
        public String message() {
            return agreement.id() + " does not apply: " + status.describe() + " on " + AgreementStatus.format(at);
        }
    }

    /** An agreement whose topic scope (at the instant decided: an amendment may have changed it) misses the topic. */
    record OutsideTopics(Agreement agreement, Topic topic, TopicScope scope) implements Reason {
        public String message() {
            return agreement.id() + " does not apply: its scope (" + scope + ") does not cover " + topic.path();
        }
    }

    /** An agreement whose highest level is below the item's. */
    record AboveScope(Agreement agreement, Level level) implements Reason {
        public String message() {
            return agreement.id() + " does not apply: its scope does not reach " + level.name();
        }
    }

    /** An SIA whose equivalence table has no row for the level (Class I under the Korea–Japan GSOMIA). */
    record NotInTable(Agreement agreement, Level level, Party to) implements Reason {
        public String message() {
            return agreement.id() + " does not apply: " + level.name() + " has no equivalent for " + to
                    + " in its table, so it is not covered";
        }
    }

    /** A hub arrangement or data mechanism whose hub forwards nothing at the instant decided (an option's outage). */
    record HubOutage(Agreement arrangement, Party hub, Instant at) implements Reason {
        public String message() {
            return arrangement.id() + " does not apply: its hub " + hub + " forwards nothing on "
                    + AgreementStatus.format(at) + " (an outage)";
        }
    }

    /** A hub arrangement in force whose two SIA legs cannot both carry the item. */
    record NoLegs(Agreement arrangement, Level level, Party from, Party hub, Party to, Instant at) implements Reason {
        public String message() {
            return arrangement.id() + " does not apply: no pair of SIAs in force carries " + level.name() + " from "
                    + from + " through " + hub + " to " + to + " on " + AgreementStatus.format(at);
        }
    }
}
