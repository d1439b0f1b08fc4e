package trisec.consult;

import java.util.Comparator;
import java.util.Objects;
import trisec.party.Party;

/**
 * A revision of a joint statement, named by its number and the party whose node proposed it. Two parties that revise
 * revision n at the same time each make an n + 1 of their own, and no node can tell which came first on the other's
 * clock; so the revisions are ordered the same way at every node, whatever order they arrived in: by number, then by
 * the proposer's party code ({@code 2 by JPN} comes before {@code 2 by KOR}, which comes before {@code 3 by JPN}).
 * The latest is the greatest, and every node that holds the same revisions ends on the same one.
 */
public record RevisionId(int number, Party proposedBy) implements Comparable<RevisionId> {
    private static final Comparator<RevisionId> ORDER = Comparator.comparingInt(RevisionId::number)
            .thenComparing(RevisionId::proposedBy);

    public RevisionId {
        if (number < 1) {
            throw new IllegalArgumentException("a revision is numbered from 1, not " + number);
        }
        Objects.requireNonNull(proposedBy, "proposedBy");
    }

    @Override
    public int compareTo(RevisionId other) {
        return ORDER.compare(this, other);
    }

    /** Whether this revision comes after the other, so that it replaces it as the latest. */
    public boolean isAfter(RevisionId other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return number + " by " + proposedBy;
    }
}
