package trisec.interop;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import trisec.item.Item;
import trisec.label.Banner;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.label.NationalMarking;
import trisec.party.Level;
import trisec.party.Party;

/**
 * An item as a STIX 2.1 bundle, for one recipient party: the item as a {@code report} or a {@code note}
 * ({@link ItemKind}), created by its originator's {@code identity}, and marked with its label as a
 * {@code marking-definition} of trisec's extension ({@link TrisecMarking}), which carries the recipient's national
 * marking too. The bundle is plain maps and lists in the order they are written, so the same item, label and
 * recipient always give the same bytes: every id is a UUIDv5 ({@link StixIds}) and every time is the item's own.
 *
 * <p>The objects, in order:
 * <ol>
 *   <li>the originator's {@code identity} (one per party, {@code organization});</li>
 *   <li>trisec's own {@code identity} ({@code system}), which made the extension;</li>
 *   <li>the TLP:WHITE {@code marking-definition} as STIX 2.1 §7.2.1.4 fixes it;</li>
 *   <li>the {@code extension-definition} of trisec's label;</li>
 *   <li>the {@code extension-definition} of trisec's item seal ({@link TrisecSeal});</li>
 *   <li>the item's label for this recipient, a {@code marking-definition} using that extension;</li>
 *   <li>the item itself, carrying its id and its originator's seal in the seal extension.</li>
 * </ol>
 * The item is marked with its label. The identities and the extension-definition are the same public facts in every
 * export, with the same ids, so they carry TLP:WHITE rather than any one item's label (an object under one id must
 * not change from bundle to bundle). The two marking-definitions carry no marking: a marking-definition may not mark
 * itself (STIX 2.1 §7.2.1) and the TLP ones are fixed by the specification.
 */
public final class StixExport {
    public static final String SPEC_VERSION = "2.1";
    /** The STIX 2.1 media type (STIX 2.1 §1.6, as TAXII 2.1 serves it). */
    public static final String MEDIA_TYPE = "application/stix+json;version=2.1";
    /** TLP:WHITE as the STIX 2.1 specification defines it (§7.2.1.4). */
    public static final String TLP_WHITE = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";
    static final String TLP_CREATED = "2017-01-20T00:00:00.000Z";
    /** When trisec's extension and identities were first defined: the time those objects carry. */
    static final Instant DEFINED = Instant.parse("2026-12-01T00:00:00Z");
    /** trisec's own identity, which defines the extension. */
    public static final String TRISEC_IDENTITY = StixIds.id("identity", "trisec");

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private StixExport() {}

    /**
     * What a bundle is made of.
     *
     * @param item            the originator's item, with the label it carries now
     * @param kind            what the item is
     * @param labelledAt      when the originator made the label the item carries (its creation, or its latest
     *                        reclassification)
     * @param originatorName  the originating party's name, as the agreements give it
     * @param recipientLevel  the recipient's corresponding level for the item, in the recipient's own scheme
     */
    public record Subject(Item item, ItemKind kind, Instant labelledAt, String originatorName, Level recipientLevel) {
        public Subject {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(labelledAt, "labelledAt");
            Objects.requireNonNull(originatorName, "originatorName");
            Objects.requireNonNull(recipientLevel, "recipientLevel");
            if (labelledAt.isBefore(item.createdAt())) {
                labelledAt = item.createdAt();
            }
        }
    }

    /** The bundle, as maps and lists to write as JSON in the order given. */
    public static Map<String, Object> bundle(Subject s) {
        Item item = s.item();
        ConfidentialityLabel label = item.label();
        String originator = identityId(label.originator());
        String marking = markingId(s);
        var objects = new ArrayList<Map<String, Object>>();
        objects.add(partyIdentity(label.originator(), s.originatorName()));
        objects.add(trisecIdentity());
        objects.add(tlpWhite());
        objects.add(extensionDefinition());
        objects.add(sealExtensionDefinition());
        objects.add(markingDefinition(s, marking));
        objects.add(itemObject(s, originator, marking));
        var bundle = new LinkedHashMap<String, Object>();
        bundle.put("type", "bundle");
        bundle.put("id", StixIds.id("bundle", version(s).toArray(String[]::new)));
        bundle.put("objects", objects);
        return bundle;
    }

    /**
     * What an object of the bundle is, without the object: its id, its type, and its version (its {@code modified},
     * or its {@code created} for an object without one). Every object is of {@link #SPEC_VERSION}.
     */
    public record Head(String id, String type, String version) {}

    /**
     * The heads of {@link #bundle}'s objects, in its order, made without rendering the label's marking, the banner,
     * the 4774 XML or the seal: what a TAXII page needs to place, filter and count objects it may not serve.
     */
    public static List<Head> heads(Subject s) {
        String defined = stamp(DEFINED);
        String version = stamp(s.labelledAt());
        return List.of(new Head(identityId(s.item().label().originator()), "identity", defined),
                new Head(TRISEC_IDENTITY, "identity", defined),
                new Head(TLP_WHITE, "marking-definition", TLP_CREATED),
                new Head(TrisecMarking.EXTENSION_ID, "extension-definition", defined),
                new Head(TrisecSeal.EXTENSION_ID, "extension-definition", defined),
                new Head(markingId(s), "marking-definition", version),
                new Head(itemId(s.item(), s.kind()), s.kind().stixType(), version));
    }

    /** The item's STIX id: the same for every recipient and every version of its label. */
    public static String itemId(Item item, ItemKind kind) {
        return StixIds.id(kind.stixType(), "item", item.id());
    }

    /** A party's identity id. */
    public static String identityId(Party party) {
        return StixIds.id("identity", "party", party.code());
    }

    /** The id of the item's label for the recipient: it changes when the label or the recipient's level does. */
    public static String markingId(Subject s) {
        return StixIds.id("marking-definition", version(s).toArray(String[]::new));
    }

    /** Everything the label's marking-definition says, as the fields its id is made of. */
    private static List<String> version(Subject s) {
        ConfidentialityLabel l = s.item().label();
        return List.of("label", s.item().id(), l.originator().code(), l.level().name(),
                String.join(",", l.releasableTo().stream().map(Party::code).toList()),
                String.join(",", l.caveatsInOrder().stream().map(Caveat::name).toList()), l.topic().path(),
                s.item().createdAt().toString(), s.labelledAt().toString(), s.recipientLevel().party().code(),
                s.recipientLevel().name());
    }

    static Map<String, Object> partyIdentity(Party party, String name) {
        var m = common("identity", identityId(party), DEFINED);
        m.put("name", name);
        m.put("description", name + " (ISO 3166-1 alpha-3 " + party.code() + "): a government party to the security "
                + "agreements trisec applies.");
        m.put("identity_class", "organization");
        m.put("sectors", List.of("government-national"));
        m.put("object_marking_refs", List.of(TLP_WHITE));
        return m;
    }

    static Map<String, Object> trisecIdentity() {
        var m = common("identity", TRISEC_IDENTITY, DEFINED);
        m.put("name", "trisec");
        m.put("description", "The platform of the national nodes that share information as the security "
                + "agreements between their governments allow; it defines the trisec confidentiality label extension.");
        m.put("identity_class", "system");
        m.put("object_marking_refs", List.of(TLP_WHITE));
        return m;
    }

    static Map<String, Object> tlpWhite() {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", "marking-definition");
        m.put("spec_version", SPEC_VERSION);
        m.put("id", TLP_WHITE);
        m.put("created", TLP_CREATED);
        m.put("definition_type", "tlp");
        m.put("name", "TLP:WHITE");
        m.put("definition", Map.of("tlp", "white"));
        return m;
    }

    static Map<String, Object> extensionDefinition() {
        return extensionDefinition(TrisecMarking.EXTENSION_ID, TrisecMarking.EXTENSION_NAME, "A confidentiality label "
                + "in the structure of STANAG 4774 (the originator's national classification, releasability, caveats, "
                + "topic) and the national marking of the party that holds or receives the item, carried by a "
                + "marking-definition.", TrisecMarking.SCHEMA, TrisecMarking.EXTENSION_VERSION);
    }

    static Map<String, Object> sealExtensionDefinition() {
        return extensionDefinition(TrisecSeal.EXTENSION_ID, TrisecSeal.EXTENSION_NAME, "The id of the trisec item a "
                + "report or note carries and its originator's seal over the item's id, label, title and body, so that "
                + "a consumer can check the label and the content are the originator's.", TrisecSeal.SCHEMA,
                TrisecSeal.EXTENSION_VERSION);
    }

    /** One of trisec's property extensions, defined by trisec's identity, a public fact marked TLP:WHITE. */
    private static Map<String, Object> extensionDefinition(String id, String name, String description, String schema,
                                                           String version) {
        var m = common("extension-definition", id, DEFINED);
        m.put("created_by_ref", TRISEC_IDENTITY);
        m.put("name", name);
        m.put("description", description);
        m.put("schema", schema);
        m.put("version", version);
        m.put("extension_types", List.of(TrisecMarking.EXTENSION_TYPE));
        m.put("object_marking_refs", List.of(TLP_WHITE));
        return m;
    }

    static Map<String, Object> markingDefinition(Subject s, String id) {
        ConfidentialityLabel label = s.item().label();
        var m = new LinkedHashMap<String, Object>();
        m.put("type", "marking-definition");
        m.put("spec_version", SPEC_VERSION);
        m.put("id", id);
        m.put("created", stamp(s.labelledAt()));
        m.put("name", Banner.render(label) + " | " + s.recipientLevel().party().code() + ": "
                + NationalMarking.of(label, s.recipientLevel()));
        m.put("extensions", Map.of(TrisecMarking.EXTENSION_ID, TrisecMarking.properties(label, s.recipientLevel())));
        return m;
    }

    static Map<String, Object> itemObject(Subject s, String originator, String marking) {
        Item item = s.item();
        var m = common(s.kind().stixType(), itemId(item, s.kind()), item.createdAt());
        m.put("modified", stamp(s.labelledAt()));
        m.put("created_by_ref", originator);
        switch (s.kind().stixType()) {
            case "report" -> {
                m.put("name", item.title());
                m.put("description", item.body());
                m.put("report_types", s.kind().reportTypes());
                m.put("published", stamp(item.createdAt()));
            }
            case "note" -> {
                m.put("abstract", item.title());
                m.put("content", item.body());
            }
            default -> throw new IllegalStateException("no STIX object for " + s.kind());
        }
        // A report and a note refer to at least one object; what an item is about has no STIX object, its
        // originator does.
        m.put("object_refs", List.of(originator));
        m.put("object_marking_refs", List.of(marking));
        if (!item.seal().signature().isEmpty()) {
            m.put("extensions", Map.of(TrisecSeal.EXTENSION_ID, TrisecSeal.properties(item)));
        }
        return m;
    }

    private static LinkedHashMap<String, Object> common(String type, String id, Instant created) {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", type);
        m.put("spec_version", SPEC_VERSION);
        m.put("id", id);
        m.put("created", stamp(created));
        m.put("modified", stamp(created));
        return m;
    }

    /** A STIX timestamp: UTC, to the millisecond as STIX asks of created and modified (§3.2). */
    public static String stamp(Instant at) {
        return MILLIS.format(at.truncatedTo(ChronoUnit.MILLIS));
    }
}
