package trisec.consult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import trisec.party.Party;

/**
 * The perspectives register's arithmetic, on whatever assessments the caller passes (a node passes only those the
 * viewer may read, so nothing here can tell of others): each party's history in date order, its latest view, where
 * the latest views agree or differ key by key, and how each party's stance on a key moved over time.
 */
public final class PerspectiveComparison {
    private PerspectiveComparison() {}

    /** The order of a party's assessments: by date, then by record, so every node lists them alike. */
    public static final Comparator<Perspective> CHRONOLOGICAL = Comparator.comparing(Perspective::asOf)
            .thenComparing(Perspective::ref);

    /** Whether the parties' latest stances on one key agree. */
    public enum Agreement {
        /** Every party that judges the key holds the same stance. */
        AGREE,
        /** The stances are neighbours on the scale (high and moderate, or moderate and low). */
        PARTLY,
        /** At least one party is highly concerned where another's concern is low. */
        DIFFER,
        /** Only one party judges the key: nothing to compare it with. */
        ONE_VIEW
    }

    /** One key across the parties' latest assessments: each party's stance, and what they come to. */
    public record Row(String key, Map<Party, PerspectiveJudgement> stances, Agreement agreement) {
        public Row {
            stances = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stances));
        }
    }

    /** A change of a party's stance on a key between two of its assessments (or its first stance on it). */
    public record Shift(Party party, String key, Optional<PerspectiveStance> from, PerspectiveStance to,
                        LocalDate on) {}

    /** Each party's assessments, oldest first; parties in code order. */
    public static Map<Party, List<Perspective>> histories(List<Perspective> assessments) {
        var out = new TreeMap<Party, List<Perspective>>(Comparator.comparing(Party::code));
        for (Perspective p : assessments) {
            out.computeIfAbsent(p.party(), x -> new ArrayList<>()).add(p);
        }
        out.replaceAll((party, list) -> list.stream().sorted(CHRONOLOGICAL).toList());
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Each party's latest assessment (its last by {@link #CHRONOLOGICAL}); parties in code order. */
    public static Map<Party, Perspective> latest(List<Perspective> assessments) {
        var out = new LinkedHashMap<Party, Perspective>();
        histories(assessments).forEach((party, list) -> out.put(party, list.getLast()));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Every key the latest assessments judge, in key order, with what the parties' stances on it come to. */
    public static List<Row> compare(Map<Party, Perspective> latest) {
        var keys = new TreeSet<String>();
        latest.values().forEach(p -> p.judgements().forEach(j -> keys.add(j.key())));
        var rows = new ArrayList<Row>();
        for (String key : keys) {
            var stances = new LinkedHashMap<Party, PerspectiveJudgement>();
            latest.forEach((party, p) -> p.judgement(key).ifPresent(j -> stances.put(party, j)));
            rows.add(new Row(key, stances, agreement(stances.values().stream().map(PerspectiveJudgement::stance)
                    .toList())));
        }
        return List.copyOf(rows);
    }

    /** What a set of stances on one key comes to: by the widest distance between any two of them. */
    public static Agreement agreement(List<PerspectiveStance> stances) {
        if (stances.size() < 2) {
            return Agreement.ONE_VIEW;
        }
        int widest = 0;
        for (PerspectiveStance a : stances) {
            for (PerspectiveStance b : stances) {
                widest = Math.max(widest, a.distance(b));
            }
        }
        return switch (widest) {
            case 0 -> Agreement.AGREE;
            case 1 -> Agreement.PARTLY;
            default -> Agreement.DIFFER;
        };
    }

    /**
     * How one party's view moved: for each assessment after the first, the keys whose stance changed, and the
     * keys judged for the first time; oldest first. A key an assessment leaves out is not a change: the party
     * said nothing new about it.
     */
    public static List<Shift> shifts(List<Perspective> history) {
        var last = new LinkedHashMap<String, PerspectiveStance>();
        var out = new ArrayList<Shift>();
        for (Perspective p : history.stream().sorted(CHRONOLOGICAL).toList()) {
            for (PerspectiveJudgement j : p.judgements()) {
                PerspectiveStance before = last.put(j.key(), j.stance());
                if (before != j.stance()) {
                    out.add(new Shift(p.party(), j.key(), Optional.ofNullable(before), j.stance(), p.asOf()));
                }
            }
        }
        return List.copyOf(out);
    }
}
