package trisec.node.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementStatus;
import trisec.agreement.Lifecycle;
import trisec.agreement.LifecycleEvent;
import trisec.scenario.Scenario;

/**
 * The agreements drawn as an SVG timeline: one row per agreement, a bar for each stretch in force (amber while a
 * termination notice is pending, hatched while one is suspended), a mark for each event. Two sections, each with
 * its own year axis and its own line for the chosen date: 1953 to today, where every agreement fits; and 2014 to
 * today, wide enough that the 2019 notice, its suspension three months later and the 2023 withdrawal stand apart,
 * with their names written beside them.
 */
final class Timeline {
    static final double WIDTH = 1000;
    static final double LEFT = 260;
    static final double RIGHT = WIDTH - 10;
    static final double ROW = 26;
    static final double LABELLED_ROW = 44;
    static final double AXIS = 34;
    static final int FIRST_YEAR = 1953;
    static final int DETAIL_FROM = 2014;
    /** Roughly how wide one character of an event's name is drawn, to keep names from overlapping. */
    static final double CHAR = 6.2;
    /** The same for the agreements' names, drawn a little larger but in a narrower average of letters. */
    static final double NAME_CHAR = 5.0;

    private Timeline() {}

    static Models.Agreements of(Texts t, Scenario scenario, Instant now, Instant at, List<Models.AgreementLine> lines) {
        LocalDate end = now.atOffset(ZoneOffset.UTC).toLocalDate().plusYears(1).withDayOfYear(1);
        var sections = new ArrayList<Models.TimelineSection>();

        Scale whole = new Scale(LocalDate.of(FIRST_YEAR, 1, 1), end);
        var wholeTicks = new ArrayList<Models.TimelineTick>();
        for (int y = FIRST_YEAR; y < end.getYear(); y += 10) {
            wholeTicks.add(new Models.TimelineTick(whole.x(day(y)), String.valueOf(y)));
        }
        double top = 0;
        var wholeRows = new ArrayList<Models.TimelineRow>();
        double y = top + AXIS;
        for (Agreement a : scenario.agreements()) {
            wholeRows.add(row(t, scenario, a, whole, now, y, false));
            y += ROW;
        }
        sections.add(new Models.TimelineSection(t.t("timeline.whole"), top, y - top, wholeTicks, whole.x(at),
                wholeRows));

        top = y + 24;
        Scale detail = new Scale(LocalDate.of(DETAIL_FROM, 1, 1), end);
        var detailTicks = new ArrayList<Models.TimelineTick>();
        for (int yr = DETAIL_FROM; yr < end.getYear(); yr++) {
            detailTicks.add(new Models.TimelineTick(detail.x(day(yr)), String.valueOf(yr)));
        }
        var detailRows = new ArrayList<Models.TimelineRow>();
        y = top + AXIS;
        for (Agreement a : scenario.agreements()) {
            if (a.events().stream().anyMatch(e -> e.at().atOffset(ZoneOffset.UTC).getYear() >= DETAIL_FROM)) {
                detailRows.add(row(t, scenario, a, detail, now, y, true));
                y += LABELLED_ROW;
            }
        }
        double atX = at.atOffset(ZoneOffset.UTC).getYear() >= DETAIL_FROM ? detail.x(at) : -1;
        sections.add(new Models.TimelineSection(t.t("timeline.detail", String.valueOf(DETAIL_FROM)), top, y - top,
                detailTicks, atX, detailRows));
        return new Models.Agreements(at.atOffset(ZoneOffset.UTC).toLocalDate().toString(), lines, sections,
                WIDTH, y + 8);
    }

    private static LocalDate day(int year) {
        return LocalDate.of(year, 1, 1);
    }

    private record Scale(LocalDate from, LocalDate to) {
        double x(LocalDate d) {
            if (d.isBefore(from)) {
                return LEFT;
            }
            double span = ChronoUnit.DAYS.between(from, to);
            return Math.min(RIGHT, LEFT + (RIGHT - LEFT) * ChronoUnit.DAYS.between(from, d) / span);
        }

        double x(Instant t) {
            return x(t.atOffset(ZoneOffset.UTC).toLocalDate());
        }
    }

    private static Models.TimelineRow row(Texts t, Scenario scenario, Agreement a, Scale s, Instant now, double y,
                                          boolean labelled) {
        Lifecycle life = scenario.lifecycle(a);
        double barY = labelled ? y + 16 : y + 6;
        var bars = new ArrayList<Models.TimelineBar>();
        // Walk the statuses from the first event to now, one bar per stretch of the same kind.
        Instant cursor = a.events().isEmpty() ? now : a.events().getFirst().at();
        while (cursor.isBefore(now)) {
            AgreementStatus st = life.statusAt(cursor);
            Instant next = life.nextChangeAfter(cursor).filter(n -> n.isBefore(now)).orElse(now);
            String css = switch (st) {
                case AgreementStatus.InForce f -> f.terminationEffective().isPresent() ? "bar-pending"
                        : f.noticeSuspended() ? "bar-suspended" : "bar-in-force";
                case AgreementStatus.Signed x -> "bar-signed";
                default -> "";
            };
            if (!css.isEmpty() && s.x(next) > LEFT) {
                bars.add(new Models.TimelineBar(s.x(cursor), Math.max(s.x(cursor) + 1.5, s.x(next)), barY, css));
            }
            cursor = next;
        }
        var events = new ArrayList<Models.TimelineEvent>();
        // Names go above the bar, or below it where the one above would run into the previous name.
        double[] freeFrom = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (LifecycleEvent e : a.events()) {
            if (e.at().atOffset(ZoneOffset.UTC).toLocalDate().isBefore(s.from())) {
                continue;
            }
            String css = switch (e.type()) {
                case TERMINATION_NOTICE -> "ev-notice";
                case NOTICE_SUSPENDED -> "ev-suspended";
                case NOTICE_WITHDRAWN -> "ev-withdrawn";
                case TERMINATED -> "ev-terminated";
                default -> "ev";
            };
            String name = t.t("event." + e.type().name());
            String date = t.date(e.at());
            double x = s.x(e.at());
            String anchor = "start";
            double labelY = -1;
            if (labelled && !"ev".equals(css)) {
                String text = name + " " + date;
                double width = text.length() * CHAR * (isWide(text) ? 1.8 : 1);
                double from = x + width > RIGHT ? x - width : x;
                if (x + width > RIGHT) {
                    anchor = "end";
                }
                int level = from >= freeFrom[0] ? 0 : from >= freeFrom[1] ? 1 : freeFrom[0] <= freeFrom[1] ? 0 : 1;
                freeFrom[level] = from + width + 6;
                labelY = level == 0 ? barY - 4 : barY + 24;
            }
            events.add(new Models.TimelineEvent(x, barY + 6.5, name, date, css, labelY, anchor));
        }
        String name = t.agreementName(a);
        return new Models.TimelineRow(a.id(), name, fit(name, LEFT - 12), y, barY, bars, events);
    }

    /** The name cut to fit the name column, with an ellipsis; the whole name is the row's tooltip. */
    static String fit(String name, double width) {
        double w = 0;
        int i = 0;
        while (i < name.length()) {
            int c = name.codePointAt(i);
            w += c >= 0x1100 ? NAME_CHAR * 2 : NAME_CHAR;
            if (w > width - NAME_CHAR) {
                return name.substring(0, i).strip() + "…";
            }
            i += Character.charCount(c);
        }
        return name;
    }

    /** Korean and Japanese characters are drawn about twice as wide as Latin ones. */
    private static boolean isWide(String s) {
        return s.codePoints().anyMatch(c -> c >= 0x1100);
    }
}
