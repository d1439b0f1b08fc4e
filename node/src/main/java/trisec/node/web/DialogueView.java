package trisec.node.web;

import java.util.List;

/**
 * The dialogue page's model: the channels on the date looked at, the secretariat's alert (those overdue or
 * dormant) and the timeline.
 */
public record DialogueView(String at, String until, List<Line> lines, List<Line> alerts, String timeline) {
    public DialogueView {
        lines = List.copyOf(lines);
        alerts = List.copyOf(alerts);
    }

    /** One channel's row, every text in the viewer's language. */
    public record Line(String id, String name, String cadence, String lastMet, String status, String statusCode,
                       String since, String host, String nextHost, String nextOnRecord) {}
}
