package trisec.interop;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trisec.DomainException;

/**
 * What a TAXII 2.1 client asks of a collection's objects (TAXII 2.1 §3.4 and §5.3): the filters {@code added_after},
 * {@code match[id]}, {@code match[type]}, {@code match[version]} and {@code match[spec_version]}, read from the
 * request's query, and the page size {@code limit}. Pure: which objects there are, and which of them the requester may
 * see, is the node's business; this says which of those the query selects and cuts them into pages.
 *
 * <p>Every object trisec serves has exactly one version (its current label: a reclassification replaces the
 * marking-definition and moves the report's {@code modified}), so {@code match[version]} selects among one:
 * {@code last}, {@code first} and {@code all} select it, a timestamp selects it when it is that version.
 *
 * @param addedAfter   only objects added after this instant (exclusive)
 * @param ids          only these object ids; empty for any
 * @param types        only these object types; empty for any
 * @param versions     {@code last}, {@code first}, {@code all} or timestamps; empty for the default, {@code last}
 * @param specVersions only these STIX versions; empty for the default, each object's latest (all of trisec's are 2.1)
 * @param limit        at most this many objects in a page
 */
public record TaxiiQuery(Optional<Instant> addedAfter, Set<String> ids, Set<String> types, Set<String> versions,
                         Set<String> specVersions, int limit) {
    /** The page size when the client names none, and the largest the node serves. */
    public static final int MAX_LIMIT = 100;

    public TaxiiQuery {
        ids = Set.copyOf(ids);
        types = Set.copyOf(types);
        versions = Set.copyOf(versions);
        specVersions = Set.copyOf(specVersions);
    }

    /**
     * One object of a collection as the node lists it for a requester, in the collection's order: {@code seq} the
     * position of the item it came with in the order items were committed here, {@code index} its place among that
     * item's objects.
     */
    public record Entry(long seq, int index, String id, String type, String version, String specVersion,
                        Instant dateAdded) {
        public Position position() {
            return new Position(seq, index);
        }
    }

    /** A place in a collection's order: what a {@code next} token stands for. */
    public record Position(long seq, int index) implements Comparable<Position> {
        @Override
        public int compareTo(Position o) {
            int c = Long.compare(seq, o.seq);
            return c != 0 ? c : Integer.compare(index, o.index);
        }
    }

    /** A page: the selected objects after a position, at most {@code limit}, and whether more selected ones follow. */
    public record Page(List<Entry> entries, boolean more) {
        public Page {
            entries = List.copyOf(entries);
        }

        /** Where the next page starts: after the last object of this one. */
        public Optional<Position> last() {
            return entries.isEmpty() ? Optional.empty() : Optional.of(entries.getLast().position());
        }
    }

    /** The query parameters TAXII 2.1 defines for the objects and manifest endpoints (§5.3, §5.4). */
    public static final Set<String> OBJECT_PARAMETERS = Set.of("added_after", "limit", "next", "match[id]",
            "match[type]", "match[version]", "match[spec_version]");

    /**
     * Reads a request's query parameters; {@code allowed} are those the endpoint takes (an object's versions take no
     * {@code match[id]}, say). A parameter that is not one of them, or a value that is not what TAXII asks, is refused
     * with a message the client can act on.
     *
     * @throws DomainException for a parameter or value the endpoint does not take
     */
    public static TaxiiQuery parse(Map<String, List<String>> query, Set<String> allowed) {
        for (String name : query.keySet()) {
            if (!allowed.contains(name)) {
                throw new DomainException("unknown query parameter '" + name + "'; this endpoint takes "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        Optional<Instant> addedAfter = single(query, "added_after").map(TaxiiQuery::timestamp);
        int limit = single(query, "limit").map(TaxiiQuery::limit).orElse(MAX_LIMIT);
        Set<String> versions = values(query, "match[version]");
        for (String v : versions) {
            if (!List.of("last", "first", "all").contains(v)) {
                timestamp(v);
            }
        }
        return new TaxiiQuery(addedAfter, values(query, "match[id]"), values(query, "match[type]"), versions,
                values(query, "match[spec_version]"), limit);
    }

    /** The one value of a parameter given at most once. */
    public static Optional<String> single(Map<String, List<String>> query, String name) {
        List<String> v = query.getOrDefault(name, List.of());
        if (v.size() > 1) {
            throw new DomainException(name + " is given more than once");
        }
        if (v.size() == 1 && v.getFirst().isBlank()) {
            throw new DomainException(name + " is empty");
        }
        return v.stream().findFirst();
    }

    /** A match filter's values: comma-separated, any of which selects (§3.5.1). */
    private static Set<String> values(Map<String, List<String>> query, String name) {
        var out = new LinkedHashSet<String>();
        for (String v : query.getOrDefault(name, List.of())) {
            for (String part : v.split(",", -1)) {
                if (part.isBlank()) {
                    throw new DomainException(name + " has an empty value");
                }
                out.add(part.strip());
            }
        }
        return out;
    }

    private static Instant timestamp(String v) {
        // RFC 3339 in UTC with the "Z" (TAXII 2.1 §3.1): an instant, nothing else.
        if (!v.endsWith("Z")) {
            throw new DomainException("'" + v + "' is not a timestamp: TAXII asks RFC 3339 in UTC, like "
                    + "2026-12-01T00:00:00.000000Z");
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new DomainException("'" + v + "' is not a timestamp: TAXII asks RFC 3339 in UTC, like "
                    + "2026-12-01T00:00:00.000000Z");
        }
    }

    private static int limit(String v) {
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new DomainException("limit must be a whole number from 1, not '" + v + "'");
        }
        if (n < 1) {
            throw new DomainException("limit must be a whole number from 1, not " + n);
        }
        return Math.min(n, MAX_LIMIT);
    }

    /** Whether the query selects this object. */
    public boolean selects(Entry e) {
        if (addedAfter.isPresent() && !e.dateAdded().isAfter(addedAfter.get())) {
            return false;
        }
        if (!ids.isEmpty() && !ids.contains(e.id())) {
            return false;
        }
        if (!types.isEmpty() && !types.contains(e.type())) {
            return false;
        }
        if (!specVersions.isEmpty() && !specVersions.contains(e.specVersion())) {
            return false;
        }
        if (versions.isEmpty() || versions.contains("last") || versions.contains("first") || versions.contains("all")) {
            return true;
        }
        Instant version = Instant.parse(e.version());
        return versions.stream().anyMatch(v -> Instant.parse(v).equals(version));
    }

    /**
     * The page of the selected objects that follows {@code after} (from the start when empty), in the order given.
     * {@code more} is true only when a selected object follows the page: it says nothing of objects the caller left
     * out of {@code entries}.
     */
    public Page page(List<Entry> entries, Optional<Position> after) {
        var out = new ArrayList<Entry>();
        for (Entry e : entries) {
            if (after.isPresent() && e.position().compareTo(after.get()) <= 0 || !selects(e)) {
                continue;
            }
            if (out.size() == limit) {
                return new Page(out, true);
            }
            out.add(e);
        }
        return new Page(out, false);
    }

    /**
     * The filters as one canonical text: what a {@code next} token is bound to, so that it continues only the query
     * it was given for. The page size is left out; a client may change it from page to page.
     */
    public String canonical() {
        return String.join("\n", addedAfter.map(Instant::toString).orElse(""), sorted(ids), sorted(types),
                sorted(versions), sorted(specVersions));
    }

    private static String sorted(Set<String> s) {
        return String.join(",", s.stream().sorted().toList());
    }
}
