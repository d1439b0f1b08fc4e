package trisec.node.consult;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A second, deliberately small reader of RFC 5545, written from the RFC and sharing nothing with ical4j, to check
 * that what the node writes is iCalendar and not only what ical4j reads back: CRLF line ends and lines of at most 75
 * octets (§3.1), unfolding, content lines split into name, parameters and value (§3.1, §3.2), BEGIN and END
 * properly nested, and the properties a calendar and an event must have exactly once (§3.6, §3.6.1).
 */
final class Rfc5545Reader {
    private Rfc5545Reader() {}

    /** A content line: its name (upper case), its parameters, and its value with TEXT escapes undone. */
    record Line(String name, Map<String, String> params, String value) {}

    /** A component: its name, its properties in order, and the components inside it. */
    record Component(String name, List<Line> properties, List<Component> children) {
        List<Line> all(String property) {
            return properties.stream().filter(p -> p.name().equals(property)).toList();
        }

        Line one(String property) {
            List<Line> found = all(property);
            if (found.size() != 1) {
                throw new IllegalArgumentException(name + " has " + found.size() + " " + property + ", not one");
            }
            return found.getFirst();
        }
    }

    /** The calendar in {@code text}; an {@link IllegalArgumentException} says where it is not RFC 5545. */
    static Component read(String text) {
        if (!text.endsWith("\r\n")) {
            throw new IllegalArgumentException("the stream does not end with CRLF");
        }
        String[] physical = text.substring(0, text.length() - 2).split("\r\n", -1);
        var logical = new ArrayList<String>();
        for (int i = 0; i < physical.length; i++) {
            String l = physical[i];
            if (l.indexOf('\n') >= 0 || l.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("line " + (i + 1) + " has a bare LF or CR");
            }
            if (l.getBytes(StandardCharsets.UTF_8).length > 75) {
                throw new IllegalArgumentException("line " + (i + 1) + " is longer than 75 octets");
            }
            if (l.startsWith(" ") || l.startsWith("\t")) {
                if (logical.isEmpty()) {
                    throw new IllegalArgumentException("the stream begins with a continuation");
                }
                logical.set(logical.size() - 1, logical.getLast() + l.substring(1));
            } else {
                logical.add(l);
            }
        }
        var stack = new ArrayDeque<Component>();
        Component root = null;
        for (String l : logical) {
            Line line = line(l);
            switch (line.name()) {
                case "BEGIN" -> {
                    var c = new Component(line.value().toUpperCase(), new ArrayList<>(), new ArrayList<>());
                    if (stack.isEmpty()) {
                        if (root != null || !c.name().equals("VCALENDAR")) {
                            throw new IllegalArgumentException("the stream is not one VCALENDAR");
                        }
                        root = c;
                    } else {
                        stack.peek().children().add(c);
                    }
                    stack.push(c);
                }
                case "END" -> {
                    if (stack.isEmpty() || !stack.peek().name().equals(line.value().toUpperCase())) {
                        throw new IllegalArgumentException("END:" + line.value() + " closes nothing open");
                    }
                    stack.pop();
                }
                default -> {
                    if (stack.isEmpty()) {
                        throw new IllegalArgumentException(line.name() + " outside any component");
                    }
                    stack.peek().properties().add(line);
                }
            }
        }
        if (root == null || !stack.isEmpty()) {
            throw new IllegalArgumentException("the calendar is not closed");
        }
        if (!root.one("VERSION").value().equals("2.0")) {
            throw new IllegalArgumentException("VERSION is not 2.0");
        }
        root.one("PRODID");
        for (Component c : root.children()) {
            if (c.name().equals("VEVENT")) {
                c.one("UID");
                c.one("DTSTAMP");
                c.one("DTSTART");
            }
        }
        return root;
    }

    private static Line line(String l) {
        int i = 0;
        while (i < l.length() && (Character.isLetterOrDigit(l.charAt(i)) || l.charAt(i) == '-')) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("no name in \"" + l + "\"");
        }
        String name = l.substring(0, i).toUpperCase();
        var params = new LinkedHashMap<String, String>();
        while (i < l.length() && l.charAt(i) == ';') {
            int eq = l.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("a parameter without a value in \"" + l + "\"");
            }
            String key = l.substring(i + 1, eq).toUpperCase();
            int end = eq + 1;
            if (end < l.length() && l.charAt(end) == '"') {
                end = l.indexOf('"', end + 1) + 1;
                if (end == 0) {
                    throw new IllegalArgumentException("an unclosed quote in \"" + l + "\"");
                }
            } else {
                while (end < l.length() && l.charAt(end) != ';' && l.charAt(end) != ':') {
                    end++;
                }
            }
            params.put(key, l.substring(eq + 1, end));
            i = end;
        }
        if (i >= l.length() || l.charAt(i) != ':') {
            throw new IllegalArgumentException("no ':' before the value in \"" + l + "\"");
        }
        return new Line(name, params, unescape(l.substring(i + 1)));
    }

    /** TEXT escapes (§3.3.11): \\ \; \, and \n or \N. */
    private static String unescape(String v) {
        var out = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                out.append(n == 'n' || n == 'N' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
