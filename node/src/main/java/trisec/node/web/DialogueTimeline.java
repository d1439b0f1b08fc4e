package trisec.node.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import trisec.consult.Channel;
import trisec.consult.ChannelGap;
import trisec.consult.ChannelHealth;
import trisec.consult.Meeting;

/**
 * The dialogue's timeline as SVG: years on an axis, one row per channel, each meeting on record a mark, each gap
 * beyond the channel's cadence a shaded span (darker where the channel was dormant), and the date looked at as a
 * line. A pure function: the same channels, dates and words give the same bytes. Like the warnings' map it is safe
 * to inline: every text is escaped, and it has no script, no style sheet, no id and no reference; colours are
 * presentation attributes, and the classes and {@code data-} attributes are for the page's style sheet and tests.
 */
final class DialogueTimeline {
    private static final int WIDTH = 960;
    private static final int LEFT = 230;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int ROW = 24;
    private static final String GAP = "#F3C98B";
    private static final String DORMANT = "#D9534F";
    private static final String MARK = "#1F5F99";
    private static final String AXIS = "#C9D3DC";
    private static final String TEXT = "#24323F";
    private static final String MUTED = "#6F7F8C";
    private static final String AT = "#7A2E8E";

    private DialogueTimeline() {}

    /** What the timeline says, in the viewer's language. */
    record Words(String title, String description, String noRecord, String gap, String dormant) {}

    /**
     * @param channels the channels, one row each, in this order
     * @param at       the date looked at, drawn as a line
     * @param until    the last day drawn; gaps are reckoned up to it
     * @param name     each channel's name in the viewer's language
     */
    static String svg(List<Channel> channels, LocalDate at, LocalDate until, Function<Channel, String> name,
                      Words words) {
        LocalDate first = channels.stream().flatMap(c -> c.meetings().stream()).map(Meeting::start)
                .min(LocalDate::compareTo).orElse(at);
        LocalDate from = LocalDate.of(Math.min(first.getYear(), at.getYear()), 1, 1);
        LocalDate last = channels.stream().flatMap(c -> c.meetings().stream()).map(Meeting::end)
                .max(LocalDate::compareTo).orElse(until);
        LocalDate to = LocalDate.of(Math.max(Math.max(until.getYear(), at.getYear()), last.getYear()) + 1, 1, 1);
        var scale = new Scale(from, to);
        int height = TOP + ROW * channels.size() + 8;

        var s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dialogue-timeline\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">");
        s.append("<title>").append(esc(words.title())).append("</title>");
        s.append("<desc>").append(esc(words.description())).append("</desc>");

        s.append("<g class=\"years\">");
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            double x = scale.x(LocalDate.of(y, 1, 1));
            s.append("<line x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"").append(TOP - 6)
                    .append("\" y2=\"").append(height - 4).append("\" stroke=\"").append(AXIS).append("\"/>");
            if (y < to.getYear()) {
                s.append("<text class=\"year\" x=\"").append(f(x + 3)).append("\" y=\"").append(TOP - 10)
                        .append("\" fill=\"").append(MUTED).append("\">").append(y).append("</text>");
            }
        }
        s.append("</g>");

        for (int i = 0; i < channels.size(); i++) {
            Channel c = channels.get(i);
            int mid = TOP + ROW * i + ROW / 2;
            var health = ChannelHealth.of(c, at);
            s.append("<g class=\"channel\" data-channel=\"").append(esc(c.id())).append("\" data-status=\"")
                    .append(health.status().name()).append("\">");
            s.append("<text class=\"name\" x=\"4\" y=\"").append(mid + 4).append("\" fill=\"").append(TEXT)
                    .append("\">").append(esc(clip(name.apply(c)))).append("<title>").append(esc(name.apply(c)))
                    .append("</title></text>");
            s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(mid).append("\" y2=\"").append(mid).append("\" stroke=\"").append(AXIS).append("\"/>");
            for (ChannelGap g : ChannelGap.of(c, until)) {
                LocalDate overdueEnd = g.dormantFrom().map(d -> d.minusDays(1)).orElse(g.until());
                span(s, scale, g.from(), overdueEnd, mid, "gap", GAP, words.gap() + " " + g.from() + " – " + overdueEnd);
                g.dormantFrom().ifPresent(d -> span(s, scale, d, g.until(), mid, "gap dormant", DORMANT,
                        words.dormant() + " " + d + " – " + g.until()));
            }
            if (c.meetings().isEmpty()) {
                s.append("<text class=\"no-record\" x=\"").append(LEFT + 6).append("\" y=\"").append(mid - 3)
                        .append("\" fill=\"").append(MUTED).append("\">").append(esc(words.noRecord())).append("</text>");
            }
            for (Meeting m : c.meetings()) {
                double x1 = scale.x(m.start());
                double w = Math.max(0, scale.x(m.end().plusDays(1)) - x1);
                String label = m.start() + (m.end().equals(m.start()) ? "" : " – " + m.end())
                        + (m.place().isBlank() ? "" : " · " + m.place()) + (m.note().isBlank() ? "" : " · " + m.note());
                s.append("<g class=\"meeting\" data-date=\"").append(m.start()).append("\">");
                if (w > 6) {
                    s.append("<rect x=\"").append(f(x1)).append("\" y=\"").append(mid - 5).append("\" width=\"")
                            .append(f(w)).append("\" height=\"10\" fill=\"").append(MARK).append("\"/>");
                }
                s.append("<circle cx=\"").append(f(x1)).append("\" cy=\"").append(mid).append("\" r=\"5\" fill=\"")
                        .append(MARK).append("\"><title>").append(esc(label)).append("</title></circle></g>");
            }
            s.append("</g>");
        }

        double ax = scale.x(at);
        s.append("<line class=\"at\" data-date=\"").append(at).append("\" x1=\"").append(f(ax)).append("\" x2=\"")
                .append(f(ax)).append("\" y1=\"").append(TOP - 6).append("\" y2=\"").append(height - 4)
                .append("\" stroke=\"").append(AT).append("\" stroke-width=\"2\"><title>").append(at)
                .append("</title></line>");
        s.append("</svg>");
        return s.toString();
    }

    private static void span(StringBuilder s, Scale scale, LocalDate from, LocalDate until, int mid, String css,
                             String fill, String title) {
        double x1 = scale.x(from);
        double x2 = scale.x(until.plusDays(1));
        s.append("<rect class=\"").append(css).append("\" data-from=\"").append(from).append("\" data-until=\"")
                .append(until).append("\" x=\"").append(f(x1)).append("\" y=\"").append(mid - 7).append("\" width=\"")
                .append(f(Math.max(1, x2 - x1))).append("\" height=\"14\" fill=\"").append(fill)
                .append("\" fill-opacity=\"0.7\"><title>").append(esc(title)).append("</title></rect>");
    }

    private record Scale(LocalDate from, LocalDate to) {
        double x(LocalDate d) {
            double days = ChronoUnit.DAYS.between(from, to);
            return LEFT + (WIDTH - LEFT - RIGHT) * ChronoUnit.DAYS.between(from, d) / days;
        }
    }

    private static String clip(String name) {
        return name.length() > 34 ? name.substring(0, 33) + "…" : name;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String text) {
        var out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
