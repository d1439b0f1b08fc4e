package trisec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The days trisec reckons with, 1900-01-01 to 2199-12-31: the cooperation's past and any plausible future, and
 * nothing beyond, so that no reckoning of terms and notices runs off the calendar or for ever. Scenario and option
 * files, meeting records and the node's questions about a date are held to them.
 */
public final class DateBounds {
    private DateBounds() {}

    /** The first day. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** The last day. */
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
    /** 00:00 UTC on {@link #EARLIEST} (DESIGN §2.6): the first instant. */
    public static final Instant FIRST_INSTANT = EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();
    /** 00:00 UTC on the day after {@link #LATEST}: the first instant beyond the bounds. */
    public static final Instant END = LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    /** Whether {@code day} is from {@link #EARLIEST} to {@link #LATEST}, both included. */
    public static boolean contains(LocalDate day) {
        return !day.isBefore(EARLIEST) && !day.isAfter(LATEST);
    }

    /** Whether {@code t} is on one of the days: from {@link #FIRST_INSTANT} (included) to {@link #END} (not). */
    public static boolean contains(Instant t) {
        return !t.isBefore(FIRST_INSTANT) && t.isBefore(END);
    }
}
