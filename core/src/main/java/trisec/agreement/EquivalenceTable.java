package trisec.agreement;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import trisec.party.Level;
import trisec.party.Party;

/**
 * An agreement's table of corresponding levels (GSOMIA Art. 4). Each row lists, per party, the levels that
 * correspond; a party may have several ({@code 極秘} / {@code 特定秘密}), and the first is the one a
 * recipient marks with. A level in no row is not covered ({@code 군사Ⅰ급비밀} under the Korea–Japan GSOMIA).
 */
public record EquivalenceTable(List<Row> rows) {

    public record Row(Map<Party, List<Level>> levels) {
        public Row {
            var copy = new java.util.HashMap<Party, List<Level>>();
            levels.forEach((party, list) -> {
                if (list.isEmpty()) {
                    throw new IllegalArgumentException("a row names at least one level for " + party);
                }
                for (Level l : list) {
                    if (!l.party().equals(party)) {
                        throw new IllegalArgumentException(l.name() + " is not a level of " + party);
                    }
                }
                copy.put(party, List.copyOf(list));
            });
            levels = Map.copyOf(copy);
        }
    }

    private static final EquivalenceTable EMPTY = new EquivalenceTable(List.of());

    public EquivalenceTable {
        rows = List.copyOf(rows);
    }

    public static EquivalenceTable empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The level of {@code to} that corresponds to {@code level}, when a row maps it. */
    public Optional<Level> map(Level level, Party to) {
        for (Row row : rows) {
            List<Level> from = row.levels().get(level.party());
            if (from != null && from.contains(level)) {
                List<Level> target = row.levels().get(to);
                if (target != null) {
                    return Optional.of(target.getFirst());
                }
            }
        }
        return Optional.empty();
    }
}
