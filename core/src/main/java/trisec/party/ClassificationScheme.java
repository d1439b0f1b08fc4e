package trisec.party;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A party's ordered national classification levels, highest first, ending with {@code UNCLASSIFIED}.
 * Each level has a canonical name and accepted aliases; lookups also accept any spelling that is the same
 * after Unicode NFKC folding and case folding, so {@code 군사II급비밀} (ASCII) finds {@code 군사Ⅱ급비밀}
 * (Roman numeral character). Output always uses the canonical name.
 */
public final class ClassificationScheme {

    /** How a level is declared: canonical name, banner word, aliases, and whether it ranks with the one above. */
    public record Entry(String name, Classification banner, List<String> aliases, boolean rankedWithPrevious) {
        public Entry {
            aliases = List.copyOf(aliases);
        }
    }

    private final Party party;
    private final List<Level> levels;
    private final Map<Level, List<String>> aliases;
    private final Map<String, Level> byKey;

    private ClassificationScheme(Party party, List<Level> levels, Map<Level, List<String>> aliases,
                                 Map<String, Level> byKey) {
        this.party = party;
        this.levels = levels;
        this.aliases = aliases;
        this.byKey = byKey;
    }

    /**
     * Builds a scheme from its entries, highest first. The last entry must be the only unclassified one.
     *
     * @throws IllegalArgumentException when the entries do not form a scheme (see {@link #problems})
     */
    public static ClassificationScheme of(Party party, List<Entry> entries) {
        List<String> problems = problems(entries);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("scheme of " + party + ": " + problems.getFirst());
        }
        int n = entries.size();
        // Ranks count upward from UNCLASSIFIED (0); an entry ranked with the previous one shares its rank.
        int[] ranks = new int[n];
        int rank = 0;
        for (int i = n - 1; i >= 0; i--) {
            ranks[i] = rank;
            boolean sharesWithAbove = i > 0 && entries.get(i).rankedWithPrevious();
            if (!sharesWithAbove) {
                rank++;
            }
        }
        List<Level> levels = new ArrayList<>(n);
        Map<Level, List<String>> aliases = new HashMap<>();
        Map<String, Level> byKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            Level level = new Level(party, e.name(), ranks[i], i, e.banner());
            levels.add(level);
            aliases.put(level, e.aliases());
            byKey.put(key(e.name()), level);
            for (String alias : e.aliases()) {
                byKey.put(key(alias), level);
            }
        }
        return new ClassificationScheme(party, List.copyOf(levels), Map.copyOf(aliases), Map.copyOf(byKey));
    }

    /** Everything wrong with these entries as a scheme, one message each; empty when they form one. */
    public static List<String> problems(List<Entry> entries) {
        List<String> problems = new ArrayList<>();
        if (entries.size() < 2) {
            problems.add("a scheme needs at least one classified level and UNCLASSIFIED");
            return problems;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            boolean last = i == entries.size() - 1;
            if (last != (e.banner() == Classification.UNCLASSIFIED)) {
                problems.add(last
                        ? "the lowest level must be unclassified (banner UNCLASSIFIED), got " + e.name()
                        : "only the lowest level may be unclassified: " + e.name());
            }
            if (i > 0) {
                // Banner words must follow the ranks, so that a banner reads back to a level of the same rank.
                Entry above = entries.get(i - 1);
                if (e.banner().compareTo(above.banner()) > 0) {
                    problems.add(e.name() + " has a higher banner word (" + e.banner().banner() + ") than "
                            + above.name() + " above it (" + above.banner().banner() + ")");
                } else if (e.rankedWithPrevious() != (e.banner() == above.banner())) {
                    problems.add(e.rankedWithPrevious()
                            ? e.name() + " ranks with " + above.name() + " so it has the same banner word"
                            : e.name() + " and " + above.name() + " share the banner word " + e.banner().banner()
                                    + " but not a rank; rank them together or give them different banner words");
                }
            }
            if (i == 0 && e.rankedWithPrevious()) {
                problems.add("the highest level cannot rank with a level above it: " + e.name());
            }
            if (last && e.rankedWithPrevious()) {
                problems.add("UNCLASSIFIED cannot rank with a classified level");
            }
            List<String> names = new ArrayList<>();
            names.add(e.name());
            names.addAll(e.aliases());
            for (String name : names) {
                if (name == null || name.isBlank()) {
                    problems.add("a level name or alias is empty");
                    continue;
                }
                Integer previous = seen.putIfAbsent(key(name), i);
                // A spelling that folds to one already given for the same level is harmless documentation.
                if (previous != null && previous != i) {
                    problems.add("'" + name + "' would name both " + entries.get(previous).name() + " and " + e.name());
                }
            }
        }
        return problems;
    }

    /** The folding under which two spellings name the same level. */
    static String key(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
        return folded.toUpperCase(Locale.ROOT);
    }

    public Party party() {
        return party;
    }

    /** Highest first; the last is {@code UNCLASSIFIED}. */
    public List<Level> levels() {
        return levels;
    }

    public List<String> aliases(Level level) {
        return aliases.getOrDefault(level, List.of());
    }

    public Optional<Level> find(String nameOrAlias) {
        return Optional.ofNullable(byKey.get(key(nameOrAlias)));
    }

    /** @throws UnknownLevelException when the scheme has no such level */
    public Level level(String nameOrAlias) {
        return find(nameOrAlias).orElseThrow(() -> new UnknownLevelException(nameOrAlias, this));
    }

    public Level highest() {
        return levels.getFirst();
    }

    public Level unclassified() {
        return levels.getLast();
    }

    /** The lowest classified level ({@code 군사Ⅲ급비밀}, {@code 秘}, {@code CONFIDENTIAL}). */
    public Level lowestClassified() {
        return levels.get(levels.size() - 2);
    }

    public boolean contains(Level level) {
        return level.party().equals(party) && level.ordinal() < levels.size() && levels.get(level.ordinal()).equals(level);
    }

    /** The first level of the scheme whose banner word is {@code banner}, if any. */
    public Optional<Level> withBanner(Classification banner) {
        return levels.stream().filter(l -> l.banner() == banner).findFirst();
    }

    @Override
    public String toString() {
        return party + " " + levels;
    }
}
