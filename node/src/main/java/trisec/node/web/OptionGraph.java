package trisec.node.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementKind;
import trisec.agreement.AgreementStatus;
import trisec.party.Party;
import trisec.scenario.Scenario;

/**
 * A scenario's agreements on one instant as an SVG network graph: the parties as nodes on a circle (the hubs on top),
 * each agreement in force as an edge coloured by its kind, dashed while a termination notice is pending or suspended;
 * a hub arrangement or data mechanism is drawn as its routes through the hub, one path for each pair of its other
 * parties; an agreement of three or more parties without a hub (a framework, a commitment) as a ring around them. A
 * hub whose node is out at that instant has a dashed red ring. A pure function, safe to inline as the dialogue's
 * timeline is: every text escaped, no script, no style sheet, no id, no reference; colours are presentation
 * attributes, and the classes and {@code data-} attributes are for the page's style sheet and tests.
 */
final class OptionGraph {
    static final int WIDTH = 360;
    static final int HEIGHT = 300;
    private static final double CX = WIDTH / 2.0;
    private static final double CY = HEIGHT / 2.0 + 6;
    private static final double RADIUS = 100;
    private static final double NODE = 22;
    private static final String TEXT = "#24323F";
    private static final String MUTED = "#6F7F8C";
    private static final String DOWN = "#C8102E";
    /** A white outline under a text, so that it stays legible where it crosses an edge. */
    private static final String HALO = " stroke=\"#FFFFFF\" stroke-width=\"3\" paint-order=\"stroke\"";

    private OptionGraph() {}

    /** The colour of an agreement's kind; the page's legend uses the same ones. */
    static String colour(AgreementKind kind) {
        return switch (kind) {
            case TREATY -> "#2E7D32";
            case SIA -> "#1F5F99";
            case HUB_ARRANGEMENT -> "#7A2E8E";
            case DATA_MECHANISM -> "#C26A00";
            case FRAMEWORK -> "#6F7F8C";
            case COMMITMENT -> "#A7B0B9";
        };
    }

    /** What the graph says, in the viewer's language. */
    record Words(String title, String description, Function<Party, String> party,
                 Function<Agreement, String> agreement, Function<AgreementKind, String> kind,
                 Function<AgreementStatus, String> status, String hubDown) {}

    /** An agreement drawn: where, and what it is. */
    record Edge(Agreement agreement, AgreementStatus status, boolean dashed, String route, String topics) {}

    /** The agreements a graph draws, in the order it draws them. */
    static List<Edge> edges(Scenario scenario, Instant at) {
        var out = new ArrayList<Edge>();
        for (Agreement a : scenario.agreements()) {
            AgreementStatus s = scenario.lifecycle(a).statusAt(at);
            if (!(s instanceof AgreementStatus.InForce f)) {
                continue;
            }
            boolean dashed = f.terminationEffective().isPresent() || f.noticeSuspended();
            String route;
            if (throughHub(a)) {
                Party hub = a.hub().orElseThrow();
                var paths = new ArrayList<String>();
                List<Party> others = a.parties().stream().filter(p -> !p.equals(hub)).toList();
                for (int i = 0; i < others.size(); i++) {
                    for (int j = i + 1; j < others.size(); j++) {
                        paths.add(others.get(i).code() + " → " + hub.code() + " → " + others.get(j).code());
                    }
                }
                route = String.join(", ", paths);
            } else {
                route = String.join(" – ", a.parties().stream().map(Party::code).toList());
            }
            out.add(new Edge(a, s, dashed, route, a.scopeAt(at).topics().toString()));
        }
        return out;
    }

    private static boolean throughHub(Agreement a) {
        return a.hub().isPresent()
                && (a.kind() == AgreementKind.HUB_ARRANGEMENT || a.kind() == AgreementKind.DATA_MECHANISM);
    }

    private record Point(double x, double y) {
        Point toward(Point c, double d) {
            double dx = c.x - x;
            double dy = c.y - y;
            double len = Math.hypot(dx, dy);
            return len == 0 ? this : new Point(x + dx / len * d, y + dy / len * d);
        }
    }

    static String svg(Scenario scenario, Instant at, Words words) {
        List<Edge> edges = edges(scenario, at);
        // The hubs of what is in force first, so that they stand on top and their routes fall through them.
        var order = new ArrayList<Party>();
        for (Edge e : edges) {
            if (throughHub(e.agreement()) && !order.contains(e.agreement().hub().get())) {
                order.add(e.agreement().hub().get());
            }
        }
        scenario.parties().stream().filter(p -> !order.contains(p)).forEach(order::add);
        Map<Party, Point> at0 = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / order.size();
            at0.put(order.get(i), new Point(CX + RADIUS * Math.cos(angle), CY + RADIUS * Math.sin(angle)));
        }
        Point centre = new Point(CX, CY);

        var s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"option-graph\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">");
        s.append("<title>").append(esc(words.title())).append("</title>");
        s.append("<desc>").append(esc(words.description())).append("</desc>");

        // Bilateral agreements side by side between their two parties; hub routes and rings inside and outside.
        Map<String, Integer> perPair = new HashMap<>();
        Map<String, Integer> slot = new HashMap<>();
        for (Edge e : edges) {
            if (!throughHub(e.agreement()) && e.agreement().parties().size() == 2) {
                perPair.merge(pairKey(e.agreement().parties()), 1, Integer::sum);
            }
        }
        int hubs = 0;
        int rings = 0;
        for (Edge e : edges) {
            Agreement a = e.agreement();
            String colour = colour(a.kind());
            s.append("<g class=\"edge\" data-agreement=\"").append(esc(a.id())).append("\" data-kind=\"")
                    .append(a.kind().name()).append("\" data-status=\"").append(e.status().code())
                    .append("\" data-dashed=\"").append(e.dashed()).append("\">");
            String stroke = " fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2.5\" stroke-linejoin=\"round\""
                    + (e.dashed() ? " stroke-dasharray=\"7 5\"" : "");
            String title = "<title>" + esc(words.agreement().apply(a) + " — " + words.kind().apply(a.kind()) + " — "
                    + words.status().apply(e.status()) + " — " + e.route() + " — " + e.topics()) + "</title>";
            if (throughHub(a)) {
                Party hub = a.hub().get();
                double inset = 20 + 13 * hubs;
                List<Party> others = a.parties().stream().filter(p -> !p.equals(hub)).toList();
                for (int i = 0; i < others.size(); i++) {
                    for (int j = i + 1; j < others.size(); j++) {
                        Point p = at0.get(others.get(i)).toward(centre, inset);
                        Point h = at0.get(hub).toward(centre, inset);
                        Point q = at0.get(others.get(j)).toward(centre, inset);
                        s.append("<polyline class=\"via-hub\" data-route=\"").append(others.get(i).code()).append(' ')
                                .append(hub.code()).append(' ').append(others.get(j).code()).append("\" points=\"")
                                .append(f(p.x)).append(',').append(f(p.y)).append(' ').append(f(h.x)).append(',')
                                .append(f(h.y)).append(' ').append(f(q.x)).append(',').append(f(q.y)).append('"')
                                .append(stroke).append('>').append(title).append("</polyline>");
                    }
                }
                // What the hub carries, written inside the graph: the routes' agreement and its topics.
                s.append("<text class=\"carries\" x=\"").append(f(CX)).append("\" y=\"").append(f(HEIGHT - 34 + 13 * hubs))
                        .append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"").append(colour).append('"')
                        .append(HALO).append('>').append(esc(clip(a.id() + ": " + e.topics(), 52))).append("</text>");
                hubs++;
            } else if (a.parties().size() == 2) {
                String key = pairKey(a.parties());
                int n = perPair.get(key);
                int k = slot.merge(key, 1, Integer::sum) - 1;
                double offset = (k - (n - 1) / 2.0) * 7;
                Point p = at0.get(a.parties().get(0));
                Point q = at0.get(a.parties().get(1));
                double dx = q.x - p.x;
                double dy = q.y - p.y;
                double len = Math.max(1, Math.hypot(dx, dy));
                double ox = -dy / len * offset;
                double oy = dx / len * offset;
                s.append("<line x1=\"").append(f(p.x + ox)).append("\" y1=\"").append(f(p.y + oy)).append("\" x2=\"")
                        .append(f(q.x + ox)).append("\" y2=\"").append(f(q.y + oy)).append('"').append(stroke)
                        .append('>').append(title).append("</line>");
            } else {
                double out = 36 + 7 * rings++;
                var points = new StringBuilder();
                for (Party p : a.parties()) {
                    Point x = at0.get(p).toward(centre, -out);
                    points.append(points.isEmpty() ? "" : " ").append(f(x.x)).append(',').append(f(x.y));
                }
                s.append("<polygon class=\"ring\" points=\"").append(points).append('"')
                        .append(stroke.replace("stroke-width=\"2.5\"", "stroke-width=\"1.5\"")).append('>')
                        .append(title).append("</polygon>");
            }
            s.append("</g>");
        }

        for (Party p : order) {
            Point c = at0.get(p);
            boolean down = scenario.outages().stream().anyMatch(o -> o.party().equals(p) && o.contains(at));
            s.append("<g class=\"party\" data-party=\"").append(p.code()).append("\" data-down=\"").append(down)
                    .append("\">");
            s.append("<circle cx=\"").append(f(c.x)).append("\" cy=\"").append(f(c.y)).append("\" r=\"").append(NODE)
                    .append("\" fill=\"#FFFFFF\" stroke=\"").append(down ? DOWN : TEXT).append("\" stroke-width=\"2\"")
                    .append(down ? " stroke-dasharray=\"4 3\"" : "").append("><title>")
                    .append(esc(words.party().apply(p) + (down ? " — " + words.hubDown() : ""))).append("</title></circle>");
            s.append("<text x=\"").append(f(c.x)).append("\" y=\"").append(f(c.y + 4)).append("\" text-anchor=\"middle\"")
                    .append(" font-weight=\"700\" fill=\"").append(TEXT).append("\">").append(esc(p.code()))
                    .append("</text>");
            double ny = c.y > CY ? c.y + NODE + 13 : c.y - NODE - 6;
            s.append("<text class=\"party-name\" x=\"").append(f(c.x)).append("\" y=\"").append(f(ny))
                    .append("\" text-anchor=\"middle\" fill=\"").append(MUTED).append('"').append(HALO).append('>')
                    .append(esc(clip(words.party().apply(p), 22))).append("</text>");
            s.append("</g>");
        }
        s.append("</svg>");
        return s.toString();
    }

    private static String pairKey(List<Party> parties) {
        String a = parties.get(0).code();
        String b = parties.get(1).code();
        return a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String esc(String text) {
        return DialogueTimeline.esc(text);
    }
}
