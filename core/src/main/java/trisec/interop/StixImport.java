package trisec.interop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import trisec.DomainException;
import trisec.item.Item;
import trisec.party.ClassificationScheme;
import trisec.party.Level;
import trisec.party.Party;

/**
 * A STIX 2.1 bundle read for import: what each of its objects would become, before anything is stored. The bundle is
 * JSON read into plain maps and lists. A bundle that is not well formed (not a bundle, an object without its id or
 * type, an id twice, a marking referred to that is neither in the bundle nor a TLP marking, a trisec label or seal
 * extension that does not read) is refused as a whole with a {@link DomainException}. A well-formed bundle gives one
 * {@link Candidate} per object: skipped (a supporting object, or a type that is no item), refused (no label can be
 * told from its markings, which the importer never guesses), labelled by trisec's extension with the originator's
 * seal (the node checks the seal and the release policy), or open under TLP:CLEAR or TLP:GREEN (the importing node
 * becomes its originator).
 */
public final class StixImport {
    /** The TLP levels, of TLP 1.0 (STIX 2.1 §7.2.1.4) and TLP 2.0 (the OASIS TLP 2.0 extension's markings). */
    public enum Tlp {
        CLEAR("TLP:CLEAR"), GREEN("TLP:GREEN"), AMBER("TLP:AMBER"), AMBER_STRICT("TLP:AMBER+STRICT"), RED("TLP:RED");

        private final String label;

        Tlp(String label) {
            this.label = label;
        }

        /** How TLP writes it, {@code TLP:AMBER+STRICT}. */
        public String label() {
            return label;
        }

        /** Whether the source lets the information go beyond the recipient's organisation and its clients. */
        public boolean open() {
            return this == CLEAR || this == GREEN;
        }
    }

    /** The TLP marking-definitions, by the ids the specifications fix. */
    public static final Map<String, Tlp> TLP_MARKINGS = Map.of(
            // TLP 1.0, STIX 2.1 §7.2.1.4 (TLP 2.0 renamed WHITE to CLEAR; MISP and OpenCTI write this id for both).
            StixExport.TLP_WHITE, Tlp.CLEAR,
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", Tlp.GREEN,
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", Tlp.AMBER,
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", Tlp.RED,
            // TLP 2.0, the marking-definitions of extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d.
            "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", Tlp.CLEAR,
            "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", Tlp.GREEN,
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", Tlp.AMBER,
            "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", Tlp.AMBER_STRICT,
            "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", Tlp.RED);

    /** The TLP 2.0 extension, whose property {@code tlp_2_0} names the level. */
    static final String TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    /** Objects that give others their context; each is read for what it says of them, never made an item. */
    private static final Map<String, String> SUPPORTING = Map.of(
            "identity", "an identity names who made or is named by other objects; trisec's parties are its agreements'",
            "marking-definition", "a marking is read as the label of the objects it marks",
            "extension-definition", "an extension-definition defines properties that other objects use",
            "relationship", "a relationship links other objects; a trisec item stands on its own",
            "sighting", "a sighting links other objects; a trisec item stands on its own",
            "language-content", "a translation of another object's text");

    /** The types that become items, with the property that gives the title and the one that gives the body. */
    private static final Set<String> NAMED = Set.of("attack-pattern", "campaign", "course-of-action", "infrastructure",
            "intrusion-set", "malware", "threat-actor", "tool", "vulnerability");

    /** What an object would become. */
    public sealed interface Candidate {
        String id();

        String type();
    }

    /** Not an item, and why. */
    public record Skipped(String id, String type, String reason) implements Candidate {}

    /** No label can be told from its markings, or it cannot be an item: why. */
    public record Refused(String id, String type, String reason) implements Candidate {}

    /**
     * Marked with trisec's label and carrying the originator's seal: the originator's item as the bundle gives it,
     * which the node takes only when the seal holds under the originator's key.
     *
     * @param recipientLevel the recipient's level the marking names (the exporting party's own)
     */
    public record Labelled(String id, String type, Item item, Level recipientLevel) implements Candidate {}

    /** Marked TLP:CLEAR or TLP:GREEN: content the importing node may take as its own, at its lowest level. */
    public record Open(String id, String type, Tlp tlp, String title, String body) implements Candidate {}

    /** A well-formed bundle's id and what each of its objects would become, in the bundle's order. */
    public record Plan(String bundleId, List<Candidate> objects) {
        public Plan {
            objects = List.copyOf(objects);
        }
    }

    private static final Pattern UUID_PART =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{1,248}[a-z0-9]");

    private StixImport() {}

    /** Whether objects of the type give others their context (a marking, an identity, a relationship…): never items. */
    public static boolean supporting(String type) {
        return SUPPORTING.containsKey(type);
    }

    /**
     * Reads a bundle.
     *
     * @param schemes the national scheme of a party, empty for a party the reader does not know
     * @throws DomainException naming what makes the bundle malformed
     */
    public static Plan read(Object json, Function<Party, Optional<ClassificationScheme>> schemes) {
        if (!(json instanceof Map<?, ?> bundle)) {
            throw new DomainException("a STIX bundle is a JSON object");
        }
        if (!"bundle".equals(bundle.get("type"))) {
            throw new DomainException("the JSON object is not a STIX bundle: its type is '" + bundle.get("type")
                    + "', not 'bundle'");
        }
        String bundleId = id(bundle.get("id"), "bundle", "the bundle");
        if (!(bundle.get("objects") instanceof List<?> list)) {
            throw new DomainException("the bundle's objects are a list"
                    + (bundle.get("objects") == null ? ", and it has none" : ""));
        }
        if (list.isEmpty()) {
            throw new DomainException("the bundle's objects are empty: nothing to import");
        }
        var objects = new LinkedHashMap<String, Map<String, Object>>();
        for (int i = 0; i < list.size(); i++) {
            Object o = list.get(i);
            if (!(o instanceof Map<?, ?> m)) {
                throw new DomainException("object " + (i + 1) + " of the bundle is not a JSON object");
            }
            if (!(m.get("type") instanceof String type) || !TYPE.matcher(type).matches()) {
                throw new DomainException("object " + (i + 1) + " of the bundle has no type (a STIX type such as "
                        + "'report')");
            }
            String id = id(m.get("id"), type, "object " + (i + 1) + " of the bundle (" + type + ")");
            @SuppressWarnings("unchecked")
            var object = (Map<String, Object>) m;
            if (objects.put(id, object) != null) {
                throw new DomainException("the bundle has " + id + " twice");
            }
        }
        var markings = markings(objects, schemes);
        var candidates = new ArrayList<Candidate>();
        objects.forEach((id, o) -> candidates.add(candidate(id, o, markings)));
        return new Plan(bundleId, candidates);
    }

    /** A marking the bundle refers to: a TLP level, trisec's label, or one the importer does not know. */
    private sealed interface Marking {}

    private record TlpMarking(Tlp tlp) implements Marking {}

    private record LabelMarking(TrisecMarking.Read read) implements Marking {}

    private record UnknownMarking(String name) implements Marking {}

    private static Map<String, Marking> markings(Map<String, Map<String, Object>> byId,
                                                 Function<Party, Optional<ClassificationScheme>> schemes) {
        var markings = new HashMap<String, Marking>();
        TLP_MARKINGS.forEach((id, tlp) -> markings.put(id, new TlpMarking(tlp)));
        for (var e : byId.entrySet()) {
            Map<String, Object> o = e.getValue();
            if (!"marking-definition".equals(o.get("type"))) {
                continue;
            }
            String id = e.getKey();
            Tlp tlp = TLP_MARKINGS.get(id);
            if (tlp != null) {
                tlpAgrees(id, tlp, o);
                continue;
            }
            Map<String, Object> extensions = extensions(o, id);
            if (extensions.containsKey(TrisecMarking.EXTENSION_ID)) {
                try {
                    markings.put(id, new LabelMarking(TrisecMarking.read(
                            map(extensions.get(TrisecMarking.EXTENSION_ID), id + "'s trisec label extension"),
                            schemes)));
                } catch (DomainException | IllegalArgumentException ex) {
                    throw new DomainException("the trisec label of " + id + " does not read: " + ex.getMessage());
                }
            } else {
                markings.put(id, new UnknownMarking(o.get("name") instanceof String n ? "'" + n + "' (" + id + ")"
                        : id));
            }
        }
        return markings;
    }

    /**
     * A TLP marking-definition the bundle carries under a fixed id must say the level that id is, however it says it:
     * STIX's {@code definition.tlp} ({@code green}), OpenCTI's {@code TLP:GREEN}, or TLP 2.0's {@code tlp_2_0}.
     */
    private static void tlpAgrees(String id, Tlp tlp, Map<String, Object> o) {
        var said = new ArrayList<String>();
        if (o.get("definition") instanceof Map<?, ?> d) {
            for (Object key : List.of("tlp", "TLP")) {
                if (d.get(key) instanceof String t) {
                    said.add(t);
                }
            }
        }
        if (o.get("extensions") instanceof Map<?, ?> x && x.get(TLP2_EXTENSION) instanceof Map<?, ?> t2
                && t2.get("tlp_2_0") instanceof String t) {
            said.add(t);
        }
        for (String t : said) {
            String level = t.toUpperCase(java.util.Locale.ROOT).strip();
            level = level.startsWith("TLP:") ? level.substring(4) : level;
            boolean agrees = ("TLP:" + level).equals(tlp.label()) || (tlp == Tlp.CLEAR && level.equals("WHITE"));
            if (!agrees) {
                throw new DomainException(id + " is " + tlp.label() + " by the TLP specification, but the bundle's "
                        + "copy says '" + t + "'");
            }
        }
    }

    private static Candidate candidate(String id, Map<String, Object> o, Map<String, Marking> markings) {
        String type = (String) o.get("type");
        List<String> refs = markingRefs(o, id);
        for (String ref : refs) {
            if (!markings.containsKey(ref)) {
                throw new DomainException(id + " is marked with " + ref + ", which is neither in the bundle nor a TLP "
                        + "marking");
            }
        }
        Optional<TrisecSeal.Read> seal = seal(o, id);
        String supporting = SUPPORTING.get(type);
        if (supporting != null) {
            return new Skipped(id, type, supporting);
        }
        if (!type.equals("report") && !type.equals("note") && !type.equals("indicator") && !type.equals("opinion")
                && !NAMED.contains(type)) {
            return new Skipped(id, type, "a " + type + " does not become a trisec item (reports, notes, indicators, "
                    + "opinions and named objects such as malware do)");
        }
        if (o.containsKey("granular_markings")) {
            return new Refused(id, type, "it has granular markings, which mark parts of an object; a trisec label "
                    + "marks a whole item");
        }
        var labels = new LinkedHashSet<TrisecMarking.Read>();
        var tlps = new ArrayList<Tlp>();
        var unknown = new ArrayList<String>();
        for (String ref : refs) {
            switch (markings.get(ref)) {
                case LabelMarking l -> labels.add(l.read());
                case TlpMarking t -> tlps.add(t.tlp());
                case UnknownMarking u -> unknown.add(u.name());
            }
        }
        if (labels.size() > 1) {
            return new Refused(id, type, "it is marked with two trisec markings that differ (in the label, or in the "
                    + "recipient they are for), and the importer does not choose one");
        }
        if (!unknown.isEmpty()) {
            // Beside a label as well: a marking the importer cannot read may set a limit the label does not keep.
            return new Refused(id, type, "it is marked with " + String.join(", ", unknown) + ", a marking the importer "
                    + "does not know; it does not guess a label");
        }
        if (labels.size() == 1) {
            return labelled(o, id, type, labels.iterator().next(), seal);
        }
        if (tlps.isEmpty()) {
            return new Refused(id, type, "it has no marking, and the importer does not guess a label");
        }
        Tlp tlp = tlps.stream().max(Enum::compareTo).orElseThrow();
        if (!tlp.open()) {
            return new Refused(id, type, tlp.label() + " keeps it within the recipient's organisation"
                    + (tlp == Tlp.AMBER ? " and its clients" : tlp == Tlp.RED ? ", to the named recipients" : "")
                    + ": no trisec label keeps that limit, so it is not imported");
        }
        if (seal.isPresent() || extensions(o, id).containsKey(TrisecMarking.EXTENSION_ID)) {
            // A trisec item re-marked TLP would become an unclassified item of the importer: its label is its own.
            return new Refused(id, type, "it carries trisec's " + (seal.isPresent() ? "seal" : "label") + " extension, "
                    + "so it is a trisec item, which is imported under its own label and never as TLP content");
        }
        String[] content = content(o, id, type);
        return new Open(id, type, tlp, content[0], content[1]);
    }

    private static Candidate labelled(Map<String, Object> o, String id, String type, TrisecMarking.Read read,
                                      Optional<TrisecSeal.Read> seal) {
        if (seal.isEmpty()) {
            return new Refused(id, type, "it carries a trisec label but not its originator's seal, so nothing shows "
                    + "the label is the originator's");
        }
        if (!type.equals("report") && !type.equals("note")) {
            return new Refused(id, type, "a trisec item travels as a report or a note, not a " + type);
        }
        // The item's object has the one id the item exports under (StixExport.itemId): under another id, a sealed
        // item would take the place of whatever object bears that id.
        String expected = StixIds.id(type, "item", seal.get().itemId());
        if (!id.equals(expected)) {
            return new Refused(id, type, "a trisec item's " + type + " has the id " + expected + ", made from its item "
                    + "id; this one has another");
        }
        // Read as open content is: the seal then says whether the title and body are the originator's.
        String[] content = content(o, id, type);
        Item item;
        try {
            item = new Item(seal.get().itemId(), read.label(), content[0], content[1], seal.get().seal());
        } catch (IllegalArgumentException e) {
            return new Refused(id, type, e.getMessage());
        }
        return new Labelled(id, type, item, read.recipientLevel());
    }

    /** The title and the body an open object gives its item. */
    private static String[] content(Map<String, Object> o, String id, String type) {
        return switch (type) {
            case "report" -> new String[] {text(o, "name", id).orElse(""), text(o, "description", id).orElse("")};
            case "note" -> new String[] {text(o, "abstract", id).orElse("Note"), text(o, "content", id).orElse("")};
            case "opinion" -> new String[] {"Opinion: " + text(o, "opinion", id).orElse(""),
                    text(o, "explanation", id).orElse("")};
            case "indicator" -> {
                var body = new ArrayList<String>();
                text(o, "description", id).ifPresent(body::add);
                String pattern = text(o, "pattern", id).orElse("");
                body.add("Pattern (" + text(o, "pattern_type", id).orElse("stix") + "): " + pattern);
                text(o, "valid_from", id).ifPresent(v -> body.add("Valid from: " + v));
                text(o, "valid_until", id).ifPresent(v -> body.add("Valid until: " + v));
                yield new String[] {text(o, "name", id).orElse("Indicator " + pattern), String.join("\n\n", body)};
            }
            default -> new String[] {text(o, "name", id).orElse(""), text(o, "description", id).orElse("")};
        };
    }

    private static List<String> markingRefs(Map<String, Object> o, String id) {
        Object refs = o.get("object_marking_refs");
        if (refs == null) {
            return List.of();
        }
        if (!(refs instanceof List<?> l) || !l.stream().allMatch(String.class::isInstance)) {
            throw new DomainException(id + "'s object_marking_refs is not a list of marking-definition ids");
        }
        var out = new ArrayList<String>();
        for (Object r : l) {
            out.add(id(r, "marking-definition", id + "'s object_marking_refs"));
        }
        return out;
    }

    private static Optional<TrisecSeal.Read> seal(Map<String, Object> o, String id) {
        Map<String, Object> extensions = extensions(o, id);
        if (!extensions.containsKey(TrisecSeal.EXTENSION_ID)) {
            return Optional.empty();
        }
        try {
            return Optional.of(TrisecSeal.read(map(extensions.get(TrisecSeal.EXTENSION_ID),
                    id + "'s trisec seal extension")));
        } catch (DomainException e) {
            throw new DomainException("the trisec seal of " + id + " does not read: " + e.getMessage());
        }
    }

    private static Map<String, Object> extensions(Map<String, Object> o, String id) {
        Object x = o.get("extensions");
        return x == null ? Map.of() : map(x, id + "'s extensions");
    }

    private static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new DomainException(what + " is not a JSON object");
        }
        var out = new LinkedHashMap<String, Object>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static Optional<String> text(Map<String, Object> o, String key, String id) {
        Object v = o.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw new DomainException(id + "'s " + key + " is not text");
        }
        return Optional.of(s);
    }

    /**
     * A STIX identifier of the given type: {@code type--UUID}, its UUID in lower case. A UUID is read in either case
     * (RFC 9562 §4), and an id is compared as one: in upper case it is the same object, not a new one.
     */
    private static String id(Object value, String type, String what) {
        if (!(value instanceof String s)) {
            throw new DomainException(what + " has no id");
        }
        String prefix = type + "--";
        if (!s.startsWith(prefix) || !UUID_PART.matcher(s.substring(prefix.length())).matches()) {
            throw new DomainException(what + " has the id '" + s + "', which is not " + prefix + "<uuid>");
        }
        return s.toLowerCase(java.util.Locale.ROOT);
    }
}
