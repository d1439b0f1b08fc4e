package trisec.consult;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import trisec.party.Party;

/**
 * How a consultation channel stands on a date, from its cadence and the meetings on record (docs/CONSULTATION.md).
 *
 * <p>For a channel with an interval {@code I} (a year, six months) whose last meeting on record ended on day
 * {@code E}, the next meeting is due by {@code E + I}, the letter of "at least annually":
 * <ul>
 *   <li>{@link Status#MET} before {@code E + I - I/6} (two months before the anniversary for an annual channel, one
 *       month for a half-yearly one: the time it takes three governments to set a ministerial date);</li>
 *   <li>{@link Status#DUE} from then up to and including {@code E + I};</li>
 *   <li>{@link Status#OVERDUE} after {@code E + I}, up to and including {@code E + 2I}: one expected meeting missed;</li>
 *   <li>{@link Status#DORMANT} after {@code E + 2I}: a second expected meeting has gone by as well, and the channel
 *       has stopped, as the vice foreign ministers' had between 2017 and 2023.</li>
 * </ul>
 * A channel with no meeting on record on or before the date is {@link Status#NO_RECORD}, never guessed dormant: the
 * record is silent, which is not the same as the channel being silent. A standing body is
 * {@link Status#STANDING} from its first meeting on record and {@link Status#NOT_ESTABLISHED} before it; a channel
 * held on a plan (exercises) is {@link Status#PLANNED}, with no interval to judge it by.
 *
 * @param lastMet      the latest meeting that began on or before the date
 * @param nextOnRecord the first meeting on record that begins after the date
 * @param daysSince    days from the end of {@code lastMet} to the date (0 while it is in session)
 * @param dueFrom      the first day the next meeting is due ({@link Status#DUE})
 * @param dueBy        the last day it is due; the day after, the channel is overdue
 * @param dormantAfter the last day the channel is only overdue; the day after, it is dormant
 * @param host         whose turn it is to host on the date, where the channel rotates and the rotation has begun
 * @param nextHost     who hosts next, and {@code nextHostFrom} when that turn begins (before the rotation's start:
 *                     the first host, from the first meeting)
 */
public record ChannelHealth(
        Channel channel,
        LocalDate at,
        Status status,
        Optional<Meeting> lastMet,
        Optional<Meeting> nextOnRecord,
        Optional<Long> daysSince,
        Optional<LocalDate> dueFrom,
        Optional<LocalDate> dueBy,
        Optional<LocalDate> dormantAfter,
        Optional<Party> host,
        Optional<Party> nextHost,
        Optional<LocalDate> nextHostFrom) {

    /** Where a channel stands on a date; see the class comment for the thresholds. */
    public enum Status {
        /** Met within its interval, and the next meeting is not yet due. */
        MET,
        /** The next meeting falls due: within the last sixth of the interval. */
        DUE,
        /** Past the interval, by up to one more interval. */
        OVERDUE,
        /** Past twice the interval: two expected meetings missed. */
        DORMANT,
        /** A standing body, in session since its first meeting; no meeting is due. */
        STANDING,
        /** A standing body before its first meeting on record: it does not exist yet. */
        NOT_ESTABLISHED,
        /** Held on a multi-year plan; no interval to judge it by. */
        PLANNED,
        /** No meeting on record on or before the date: the record says nothing, so neither does the status. */
        NO_RECORD;

        /** Whether the secretariat should be alerted: an expected meeting has been missed. */
        public boolean alerts() {
            return this == OVERDUE || this == DORMANT;
        }
    }

    public ChannelHealth {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
    }

    /** The health of every channel on {@code at}, in the channels' order. */
    public static List<ChannelHealth> of(List<Channel> channels, LocalDate at) {
        return channels.stream().map(c -> of(c, at)).toList();
    }

    /** The health of one channel on {@code at}. */
    public static ChannelHealth of(Channel c, LocalDate at) {
        Objects.requireNonNull(c, "channel");
        Objects.requireNonNull(at, "at");
        List<Meeting> byStart = c.meetings().stream().sorted(Comparator.comparing(Meeting::start)).toList();
        Optional<Meeting> last = byStart.stream().filter(m -> !m.start().isAfter(at)).reduce((a, b) -> b);
        Optional<Meeting> next = byStart.stream().filter(m -> m.start().isAfter(at)).findFirst();
        Optional<Long> since = last.map(m -> Math.max(0, ChronoUnit.DAYS.between(m.end(), at)));

        Optional<LocalDate> dueFrom = Optional.empty();
        Optional<LocalDate> dueBy = Optional.empty();
        Optional<LocalDate> dormantAfter = Optional.empty();
        Status status;
        if (last.isEmpty()) {
            status = c.cadence() == Cadence.STANDING && next.isPresent() ? Status.NOT_ESTABLISHED : Status.NO_RECORD;
        } else if (c.cadence().interval().isEmpty()) {
            status = c.cadence() == Cadence.STANDING ? Status.STANDING : Status.PLANNED;
        } else {
            Period every = c.cadence().interval().get();
            LocalDate ended = last.get().end();
            dueBy = Optional.of(ended.plus(every));
            dueFrom = Optional.of(dueBy.get().minus(grace(every)));
            dormantAfter = Optional.of(ended.plus(every.multipliedBy(2)));
            if (at.isBefore(dueFrom.get())) {
                status = Status.MET;
            } else if (!at.isAfter(dueBy.get())) {
                status = Status.DUE;
            } else if (!at.isAfter(dormantAfter.get())) {
                status = Status.OVERDUE;
            } else {
                status = Status.DORMANT;
            }
        }

        Optional<Party> host = Rotation.hostOn(c, at);
        Optional<Party> nextHost;
        Optional<LocalDate> nextHostFrom;
        Optional<LocalDate> start = Rotation.start(c);
        if (start.isPresent() && at.isBefore(start.get())) {
            nextHost = Optional.of(c.rotation().getFirst());
            nextHostFrom = start;
        } else {
            nextHostFrom = Rotation.nextTurn(c, at);
            nextHost = nextHostFrom.flatMap(d -> Rotation.hostOn(c, d));
        }
        return new ChannelHealth(c, at, status, last, next, since, dueFrom, dueBy, dormantAfter, host, nextHost,
                nextHostFrom);
    }

    /** The warning time before a meeting falls due: a sixth of the interval (two months a year). */
    static Period grace(Period every) {
        return Period.ofMonths(Math.toIntExact(every.toTotalMonths() / 6)).plusDays(every.getDays() / 6);
    }
}
