package trisec.label;

import trisec.party.Level;

/**
 * How a party marks an item in its own scheme. The originator writes its level; a recipient writes its own
 * corresponding level with the originator's name (GSOMIA Art. 4(2)), e.g. {@code 極秘 (KOR)}.
 */
public final class NationalMarking {
    private NationalMarking() {}

    public static String of(ConfidentialityLabel label, Level recipientLevel) {
        if (recipientLevel.party().equals(label.originator())) {
            return recipientLevel.name();
        }
        return recipientLevel.name() + " (" + label.originator().code() + ")";
    }
}
