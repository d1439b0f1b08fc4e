package trisec.label;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import trisec.DomainException;
import trisec.party.ClassificationScheme;
import trisec.party.Party;
import trisec.topic.Topic;

/**
 * A label as a STANAG 4774 (ADatP-4774) originator confidentiality label in XML. The policy identifier is the
 * originator's party code and the classification its national level; Releasable To is a permissive category,
 * the caveats a restrictive one, the topic an informative one.
 */
public final class Stanag4774 {
    public static final String NAMESPACE = "urn:nato:stanag:4774:confidentialitymetadatalabel:1:0";
    static final String RELEASABLE_TO = "Releasable To";
    static final String CAVEATS = "Dissemination Controls";
    static final String TOPIC = "Topic";
    static final String ORIGINATOR_URN = "urn:trisec:party:";

    private Stanag4774() {}

    /** Renders the label; the creation time is the label's own, else {@code fallbackCreated} (4774 requires one). */
    public static String toXml(ConfidentialityLabel label, Instant fallbackCreated) {
        var x = new StringBuilder(512);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<slab:originatorConfidentialityLabel xmlns:slab=\"").append(NAMESPACE).append("\">\n");
        x.append("  <slab:ConfidentialityInformation>\n");
        x.append("    <slab:PolicyIdentifier>").append(escape(label.originator().code())).append("</slab:PolicyIdentifier>\n");
        x.append("    <slab:Classification>").append(escape(label.level().name())).append("</slab:Classification>\n");
        if (!label.releasableTo().isEmpty()) {
            category(x, "PERMISSIVE", RELEASABLE_TO, label.releasableTo().stream().map(Party::code).toList());
        }
        if (!label.caveats().isEmpty()) {
            category(x, "RESTRICTIVE", CAVEATS, label.caveatsInOrder().stream().map(Caveat::name).toList());
        }
        category(x, "INFORMATIVE", TOPIC, List.of(label.topic().path()));
        x.append("  </slab:ConfidentialityInformation>\n");
        x.append("  <slab:OriginatorID IDType=\"uniformResourceIdentifier\">").append(ORIGINATOR_URN)
                .append(escape(label.originator().code())).append("</slab:OriginatorID>\n");
        x.append("  <slab:CreationDateTime>").append(label.created().orElse(fallbackCreated))
                .append("</slab:CreationDateTime>\n");
        x.append("</slab:originatorConfidentialityLabel>\n");
        return x.toString();
    }

    private static void category(StringBuilder x, String type, String tag, List<String> values) {
        x.append("    <slab:Category Type=\"").append(type).append("\" TagName=\"").append(escape(tag)).append("\">\n");
        for (String v : values) {
            x.append("      <slab:GenericValue>").append(escape(v)).append("</slab:GenericValue>\n");
        }
        x.append("    </slab:Category>\n");
    }

    static String escape(String s) {
        var out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Reads an originator label written by {@link #toXml}. {@code schemes} resolves the policy identifier to a
     * national scheme (empty for a party the caller does not know). External entities and DTDs are refused.
     */
    public static ConfidentialityLabel parse(String xml, Function<Party, Optional<ClassificationScheme>> schemes) {
        Element root = document(xml);
        if (!NAMESPACE.equals(root.getNamespaceURI())
                || !List.of("originatorConfidentialityLabel", "ConfidentialityLabel").contains(root.getLocalName())) {
            throw new DomainException("not a STANAG 4774 originator confidentiality label");
        }
        Element info = only(root, "ConfidentialityInformation");
        String policy = text(only(info, "PolicyIdentifier"));
        if (!Party.isCode(policy)) {
            throw new DomainException("policy identifier '" + policy + "' is not a party code");
        }
        Party originator = Party.of(policy);
        for (Element id : children(root, "OriginatorID")) {
            if (!text(id).equals(ORIGINATOR_URN + policy)) {
                throw new DomainException("OriginatorID '" + text(id) + "' contradicts policy identifier " + policy);
            }
        }
        ClassificationScheme scheme = schemes.apply(originator)
                .orElseThrow(() -> new DomainException("no classification scheme is known for policy " + policy));
        var level = scheme.level(text(only(info, "Classification")));
        var rel = new ArrayList<Party>();
        var caveats = EnumSet.noneOf(Caveat.class);
        Topic topic = null;
        for (Element category : children(info, "Category")) {
            String tag = category.getAttribute("TagName");
            List<String> values = children(category, "GenericValue").stream().map(Stanag4774::text).toList();
            switch (tag) {
                case RELEASABLE_TO -> values.forEach(v -> {
                    if (!Party.isCode(v)) {
                        throw new DomainException("'" + v + "' in Releasable To is not a party code");
                    }
                    rel.add(Party.of(v));
                });
                case CAVEATS -> values.forEach(v -> caveats.add(Caveat.parse(v)
                        .orElseThrow(() -> new DomainException("unknown caveat '" + v + "'"))));
                case TOPIC -> {
                    if (values.size() != 1 || !Topic.isValid(values.getFirst())) {
                        throw new DomainException("the Topic category holds exactly one topic");
                    }
                    topic = Topic.of(values.getFirst());
                }
                default -> throw new DomainException("unknown category '" + tag + "'");
            }
        }
        if (topic == null) {
            throw new DomainException("the label has no Topic category");
        }
        Optional<Instant> created = children(root, "CreationDateTime").stream().findFirst().map(e -> {
            try {
                return Instant.parse(text(e));
            } catch (DateTimeParseException ex) {
                throw new DomainException("CreationDateTime '" + text(e) + "' is not an instant");
            }
        });
        try {
            return new ConfidentialityLabel(originator, level, rel, caveats, topic, created);
        } catch (IllegalArgumentException e) {
            throw new DomainException(e.getMessage());
        }
    }

    private static Element document(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new DomainException("the label is not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Element> children(Element parent, String localName) {
        var out = new ArrayList<Element>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NAMESPACE.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element only(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        if (found.size() != 1) {
            throw new DomainException("the label needs exactly one " + localName + " element");
        }
        return found.getFirst();
    }

    private static String text(Element e) {
        return e.getTextContent().strip();
    }
}
