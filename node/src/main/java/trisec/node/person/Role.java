package trisec.node.person;

import java.util.Locale;
import java.util.Optional;

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
    AUDITOR;

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
