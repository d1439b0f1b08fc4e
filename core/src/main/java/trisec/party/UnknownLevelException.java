package trisec.party;

import trisec.DomainException;

/** A level name that is not in the scheme it was looked up in. */
public final class UnknownLevelException extends DomainException {
    public UnknownLevelException(String name, ClassificationScheme scheme) {
        super("'" + name + "' is not a level of " + scheme.party() + " (levels: "
                + String.join(", ", scheme.levels().stream().map(Level::name).toList()) + ")");
    }
}
