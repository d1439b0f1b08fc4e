package trisec.consult;

/**
 * How much a party is concerned about one subject of a topic (a judgement's key names the subject, such as
 * {@code gray-zone-coercion}). An ordinal scale of one party's own view, so that two parties' stances can be
 * compared by distance: the same level agrees, neighbouring levels partly agree, the two ends differ.
 */
public enum PerspectiveStance {
    LOW, MODERATE, HIGH;

    /** How many steps apart two stances are on the scale (0, 1 or 2). */
    public int distance(PerspectiveStance other) {
        return Math.abs(ordinal() - other.ordinal());
    }
}
