package trisec.consult;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A period in which a channel went without the meeting its cadence expects: the days on which
 * {@link ChannelHealth} calls it overdue or dormant, from the first day overdue to the day before it met again, or
 * to the end of the period looked at if it had not ({@code ongoing}). Only the record between two meetings, or
 * after the last, can show a gap: before the first meeting on record nothing is known.
 *
 * @param from         the first day overdue
 * @param until        the last day without the meeting (inclusive)
 * @param dormantFrom  the first day dormant, if the gap lasted that long
 * @param ongoing      whether the channel had still not met at the end of the period looked at
 */
public record ChannelGap(LocalDate from, LocalDate until, Optional<LocalDate> dormantFrom, boolean ongoing) {

    public ChannelGap {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(dormantFrom, "dormantFrom");
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("a gap ends on or after the day it starts");
        }
    }

    /**
     * The gaps in a channel's record up to and including {@code until}, oldest first. A channel without an
     * interval (standing, planned) has none.
     */
    public static List<ChannelGap> of(Channel c, LocalDate until) {
        Objects.requireNonNull(c, "channel");
        Objects.requireNonNull(until, "until");
        if (c.cadence().interval().isEmpty()) {
            return List.of();
        }
        Period every = c.cadence().interval().get();
        List<Meeting> held = c.meetings().stream().filter(m -> !m.start().isAfter(until))
                .sorted(Comparator.comparing(Meeting::start)).toList();
        List<ChannelGap> gaps = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            LocalDate ended = held.get(i).end();
            boolean last = i == held.size() - 1;
            LocalDate without = last ? until : held.get(i + 1).start().minusDays(1);
            LocalDate overdue = ended.plus(every).plusDays(1);
            if (without.isBefore(overdue)) {
                continue;
            }
            LocalDate dormant = ended.plus(every.multipliedBy(2)).plusDays(1);
            gaps.add(new ChannelGap(overdue, without,
                    without.isBefore(dormant) ? Optional.empty() : Optional.of(dormant), last));
        }
        return List.copyOf(gaps);
    }
}
