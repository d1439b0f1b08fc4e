package trisec.node.person;

import java.util.Locale;
import java.util.Optional;
import trisec.topic.Topic;

/** What a person may do at their node. */
public enum Role {
    /** Creates items and requests releases. */
    OFFICER,
    /** Approves releases (never their own request) and grants or refuses consents for the party's items. */
    DISCLOSURE,
    /** Reads what their clearance and need-to-know allow. */
    READER,
    /** Manages persons and records agreement events. */
    ADMIN,
    /** Reads the audit log (entries, proofs, checkpoints, alarms), and nothing else. */
    AUDITOR,
    /**
     * A track 1.5 participant (a scholar, a former official): no clearance, need-to-know within the track 1.5
     * channel, and no other role. Reads that channel's unclassified meetings and statements, and nothing of the
     * node's classified work, not even that it exists.
     */
    PARTICIPANT;

    /** The topic a participant's need-to-know stays within: the track 1.5 channel's records. */
    public static final Topic TRACK_1_5 = Topic.of("consult.track-1-5");

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Role r : values()) {
            if (r.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
