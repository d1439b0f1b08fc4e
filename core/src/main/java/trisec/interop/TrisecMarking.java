package trisec.interop;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import trisec.DomainException;
import trisec.label.Banner;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.label.NationalMarking;
import trisec.label.Stanag4774;
import trisec.party.ClassificationScheme;
import trisec.party.Level;
import trisec.party.Party;
import trisec.topic.Topic;

/**
 * trisec's STIX marking extension: a confidentiality label, and the national marking of the party that holds or
 * receives the item, as the properties of a {@code property-extension} on a {@code marking-definition} (STIX 2.1
 * §7.3). This class is the one mapping between the two, both ways: what the export writes, an importer reads back
 * with {@link #read}, and a label survives the trip unchanged.
 *
 * <p>Property names follow STIX's rule for custom properties (lower case, digits and underscores, at least three
 * characters); a list property is left out when it is empty, since STIX lists hold at least one value.
 */
public final class TrisecMarking {
    /** The extension-definition's id: fixed, so that every export and every importer name the same extension. */
    public static final String EXTENSION_ID = StixIds.id("extension-definition", "trisec confidentiality label",
            "1");
    public static final String EXTENSION_NAME = "trisec confidentiality label";
    public static final String EXTENSION_VERSION = "1.0.0";
    public static final String EXTENSION_TYPE = "property-extension";

    static final String TYPE = "extension_type";
    static final String ORIGINATOR = "originator";
    static final String LEVEL = "level";
    static final String BANNER = "banner";
    static final String RELEASABLE_TO = "releasable_to";
    static final String CAVEATS = "caveats";
    static final String TOPIC = "topic";
    static final String CREATION_TIME = "creation_time";
    static final String STANAG_4774 = "stanag_4774";
    static final String RECIPIENT = "recipient";
    static final String RECIPIENT_LEVEL = "recipient_level";
    static final String RECIPIENT_MARKING = "recipient_marking";

    private static final Set<String> KNOWN = Set.of(TYPE, ORIGINATOR, LEVEL, BANNER, RELEASABLE_TO, CAVEATS, TOPIC,
            CREATION_TIME, STANAG_4774, RECIPIENT, RECIPIENT_LEVEL, RECIPIENT_MARKING);

    /**
     * The extension's normative text, which its {@code schema} property carries (STIX allows plain text there): what
     * each property means, so that a consumer without trisec can read a label.
     */
    public static final String SCHEMA = String.join("\n",
            "trisec confidentiality label, version 1: a property-extension of marking-definition.",
            ORIGINATOR + " (string, required): the originating party, ISO 3166-1 alpha-3.",
            LEVEL + " (string, required): the classification, a level of the originator's national scheme.",
            BANNER + " (string, required): the label as an ISM banner line, e.g. SECRET//REL TO USA, JPN, KOR.",
            RELEASABLE_TO + " (list of string, optional): the parties the item may be released to (permissive); "
                    + "absent means no list beyond the agreements.",
            CAVEATS + " (list of string, optional): restrictive controls, ORCON and NOFORN.",
            TOPIC + " (string, required): the topic, dot-separated lower-case words.",
            CREATION_TIME + " (timestamp, required): when the originator made the item.",
            STANAG_4774 + " (string, required): the same label as a STANAG 4774 originator confidentiality label "
                    + "in XML.",
            RECIPIENT + " (string, required): the party whose national marking follows: the party that holds the "
                    + "item or receives this export.",
            RECIPIENT_LEVEL + " (string, required): the recipient's corresponding level in its own scheme.",
            RECIPIENT_MARKING + " (string, required): the recipient's marking, its level with the originator's "
                    + "name when it is not the originator (GSOMIA Art. 4(2)).");

    private TrisecMarking() {}

    /**
     * The extension's properties for a label and the recipient's corresponding level, in the order they are written.
     *
     * @param label          a label that says when it was created
     * @param recipientLevel the recipient's level for the item, in the recipient's own scheme
     */
    public static Map<String, Object> properties(ConfidentialityLabel label, Level recipientLevel) {
        Instant created = label.created()
                .orElseThrow(() -> new IllegalArgumentException("an exported label says when it was created"));
        var m = new LinkedHashMap<String, Object>();
        m.put(TYPE, EXTENSION_TYPE);
        m.put(ORIGINATOR, label.originator().code());
        m.put(LEVEL, label.level().name());
        m.put(BANNER, Banner.render(label));
        if (!label.releasableTo().isEmpty()) {
            m.put(RELEASABLE_TO, label.releasableTo().stream().map(Party::code).toList());
        }
        if (!label.caveats().isEmpty()) {
            m.put(CAVEATS, label.caveatsInOrder().stream().map(Caveat::name).toList());
        }
        m.put(TOPIC, label.topic().path());
        m.put(CREATION_TIME, created.toString());
        m.put(STANAG_4774, Stanag4774.toXml(label, created));
        m.put(RECIPIENT, recipientLevel.party().code());
        m.put(RECIPIENT_LEVEL, recipientLevel.name());
        m.put(RECIPIENT_MARKING, NationalMarking.of(label, recipientLevel));
        return m;
    }

    /** A label read back from the extension, with the recipient's level it names. */
    public record Read(ConfidentialityLabel label, Level recipientLevel) {}

    /**
     * Reads the extension's properties back into a label. Everything the properties say must agree: the banner and
     * the 4774 XML with the label the other properties make, the recipient's marking with its level. A property
     * this version does not know, a missing one, or a contradiction is refused with what is wrong, never guessed.
     *
     * @param schemes the national scheme of a party, empty for a party the reader does not know
     */
    public static Read read(Map<String, ?> properties, Function<Party, Optional<ClassificationScheme>> schemes) {
        for (String key : properties.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new DomainException("the trisec label extension has no property '" + key + "'");
            }
        }
        if (!EXTENSION_TYPE.equals(properties.get(TYPE))) {
            throw new DomainException("the trisec label extension is a " + EXTENSION_TYPE + ", not '"
                    + properties.get(TYPE) + "'");
        }
        Party originator = party(properties, ORIGINATOR);
        ClassificationScheme scheme = scheme(schemes, originator);
        Level level = level(scheme, text(properties, LEVEL));
        String topic = text(properties, TOPIC);
        if (!Topic.isValid(topic)) {
            throw new DomainException("'" + topic + "' is not a topic (dot-separated lower-case words)");
        }
        var rel = new ArrayList<Party>();
        for (String code : list(properties, RELEASABLE_TO)) {
            rel.add(code(code, RELEASABLE_TO));
        }
        var caveats = EnumSet.noneOf(Caveat.class);
        for (String c : list(properties, CAVEATS)) {
            caveats.add(Caveat.parse(c).orElseThrow(() -> new DomainException("unknown caveat '" + c + "'")));
        }
        Instant created;
        try {
            created = Instant.parse(text(properties, CREATION_TIME));
        } catch (DateTimeParseException e) {
            throw new DomainException(CREATION_TIME + " '" + properties.get(CREATION_TIME) + "' is not a timestamp");
        }
        ConfidentialityLabel label;
        try {
            label = new ConfidentialityLabel(originator, level, rel, caveats, Topic.of(topic), Optional.of(created));
        } catch (IllegalArgumentException e) {
            throw new DomainException(e.getMessage());
        }
        if (!Banner.render(label).equals(text(properties, BANNER))) {
            throw new DomainException("the banner '" + properties.get(BANNER) + "' contradicts the label's "
                    + "properties, which make " + Banner.render(label));
        }
        if (!Stanag4774.parse(text(properties, STANAG_4774), schemes).equals(label)) {
            throw new DomainException("the STANAG 4774 label contradicts the label's properties");
        }
        Party recipient = party(properties, RECIPIENT);
        Level recipientLevel = level(scheme(schemes, recipient), text(properties, RECIPIENT_LEVEL));
        if (!NationalMarking.of(label, recipientLevel).equals(text(properties, RECIPIENT_MARKING))) {
            throw new DomainException("the recipient's marking '" + properties.get(RECIPIENT_MARKING)
                    + "' contradicts its level, which marks it " + NationalMarking.of(label, recipientLevel));
        }
        return new Read(label, recipientLevel);
    }

    private static String text(Map<String, ?> properties, String key) {
        Object v = properties.get(key);
        if (v == null) {
            throw new DomainException("the trisec label extension lacks '" + key + "'");
        }
        if (!(v instanceof String s)) {
            throw new DomainException("'" + key + "' in the trisec label extension is text");
        }
        return s;
    }

    private static List<String> list(Map<String, ?> properties, String key) {
        Object v = properties.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l) || l.isEmpty() || !l.stream().allMatch(String.class::isInstance)) {
            throw new DomainException("'" + key + "' in the trisec label extension is a list of one or more texts");
        }
        return l.stream().map(String.class::cast).toList();
    }

    private static Party party(Map<String, ?> properties, String key) {
        return code(text(properties, key), key);
    }

    private static Party code(String text, String key) {
        if (!Party.isCode(text)) {
            throw new DomainException("'" + text + "' in " + key + " is not a party code");
        }
        return Party.of(text);
    }

    private static ClassificationScheme scheme(Function<Party, Optional<ClassificationScheme>> schemes, Party p) {
        return schemes.apply(p).orElseThrow(() -> new DomainException("no classification scheme is known for " + p));
    }

    private static Level level(ClassificationScheme scheme, String name) {
        Level level = scheme.level(name);
        if (!level.name().equals(name)) {
            // An alias reads as its level elsewhere; on the wire only the canonical name is written.
            throw new DomainException("'" + name + "' is an alias; the label names " + level.name());
        }
        return level;
    }
}
