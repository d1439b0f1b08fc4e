package trisec.geo.map;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A map read back with the JDK's XML parser, and the geometry of its paths in px. */
final class SvgDocument {
    static final String SVG_NS = "http://www.w3.org/2000/svg";

    final Document document;

    private SvgDocument(Document document) {
        this.document = document;
    }

    static SvgDocument parse(String svg) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new SvgDocument(factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new AssertionError("the map is not well-formed XML: " + e.getMessage(), e);
        }
    }

    Element root() {
        return document.getDocumentElement();
    }

    List<Element> all(String localName) {
        NodeList nodes = document.getElementsByTagNameNS("*", localName);
        var out = new ArrayList<Element>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** The elements of this local name inside {@code e}. */
    static List<Element> within(Element e, String localName) {
        NodeList nodes = e.getElementsByTagNameNS("*", localName);
        var out = new ArrayList<Element>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** Every element in the document, in document order. */
    List<Element> everything() {
        return all("*");
    }

    /** Elements whose class is {@code name}. */
    List<Element> withClass(String name) {
        return everything().stream().filter(e -> e.getAttribute("class").equals(name)).toList();
    }

    Element only(String className) {
        List<Element> found = withClass(className);
        if (found.size() != 1) {
            throw new AssertionError("expected one element of class " + className + ", found " + found.size());
        }
        return found.getFirst();
    }

    /** Elements of class {@code name} inside the warning group of this track number. */
    List<Element> inWarning(String track, String className) {
        var out = new ArrayList<Element>();
        for (Element g : withClass("trisec-warning")) {
            if (g.getAttribute("data-track").equals(track)) {
                collect(g, className, out);
            }
        }
        return out;
    }

    private static void collect(Element e, String className, List<Element> out) {
        if (e.getAttribute("class").equals(className)) {
            out.add(e);
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                collect(child, className, out);
            }
        }
    }

    /** All text content of {@code <text>} elements, in order. */
    List<String> texts() {
        return all("text").stream().map(Node::getTextContent).toList();
    }

    private static final Pattern COMMAND = Pattern.compile("([MZ])([^MZ]*)");

    /** The subpaths of an SVG path's {@code d}, as written by the map: M x,y x,y … [Z]. */
    static List<List<double[]>> subpaths(String d) {
        var out = new ArrayList<List<double[]>>();
        Matcher m = COMMAND.matcher(d);
        while (m.find()) {
            if (m.group(1).equals("M")) {
                var points = new ArrayList<double[]>();
                for (String pair : m.group(2).trim().split("\\s+")) {
                    String[] xy = pair.split(",");
                    points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
                }
                out.add(points);
            }
        }
        return out;
    }

    static List<double[]> points(String d) {
        return subpaths(d).stream().flatMap(List::stream).toList();
    }
}
