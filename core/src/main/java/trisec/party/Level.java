package trisec.party;

/**
 * One level of a party's national classification scheme, under its canonical name ({@code 군사Ⅱ급비밀},
 * {@code 極秘}, {@code SECRET}). Levels compare by {@code rank} within their scheme: higher is more
 * protected, {@code UNCLASSIFIED} is rank 0, and two levels may share a rank ({@code 極秘} and
 * {@code 特定秘密}). {@code ordinal} is the level's position in its scheme, highest first.
 */
public record Level(Party party, String name, int rank, int ordinal, Classification banner) {

    public Level {
        if (party == null || name == null || name.isBlank() || banner == null) {
            throw new IllegalArgumentException("a level needs a party, a name and a banner word");
        }
        if (rank < 0 || ordinal < 0) {
            throw new IllegalArgumentException("rank and ordinal are not negative");
        }
        if ((rank == 0) != (banner == Classification.UNCLASSIFIED)) {
            throw new IllegalArgumentException("rank 0 is UNCLASSIFIED, and only it: " + name);
        }
    }

    public boolean isUnclassified() {
        return rank == 0;
    }

    /** At least as protected as {@code other}, which must be of the same scheme. */
    public boolean dominates(Level other) {
        if (!party.equals(other.party)) {
            throw new IllegalArgumentException("levels of " + party + " and " + other.party + " do not compare");
        }
        return rank >= other.rank;
    }

    @Override
    public String toString() {
        return name;
    }
}
