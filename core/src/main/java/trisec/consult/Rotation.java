package trisec.consult;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import trisec.party.Party;

/**
 * Whose turn it is to host or lead a channel on a date. A rotation starts at the channel's first meeting on record,
 * hosted by the first party of its order (the defense ministers at Tokyo on 2024-07-28, the secretariat at Seoul on
 * 2024-11-20), and moves to the next party every {@code rotationPeriod}: the host on a date is the party whose
 * period contains it. Before the first meeting, or for a channel without a rotation, there is no host.
 */
public final class Rotation {
    private Rotation() {}

    /** The first day of the rotation: the channel's first meeting on record, if it rotates at all. */
    public static Optional<LocalDate> start(Channel c) {
        if (c.rotation().isEmpty() || c.rotationPeriod().isEmpty()) {
            return Optional.empty();
        }
        return c.meetings().stream().map(Meeting::start).min(LocalDate::compareTo);
    }

    /** The party whose turn it is on {@code date}, if the channel rotates and the rotation has begun. */
    public static Optional<Party> hostOn(Channel c, LocalDate date) {
        return turnOn(c, date).map(turn -> c.rotation().get((int) (turn % c.rotation().size())));
    }

    /** The first day of the turn that contains {@code date}. */
    public static Optional<LocalDate> turnStart(Channel c, LocalDate date) {
        Period every = c.rotationPeriod().orElse(null);
        return turnOn(c, date).flatMap(turn -> start(c).map(s -> plus(s, every, turn)));
    }

    /** The first day of the turn after the one that contains {@code date}, and its host. */
    public static Optional<LocalDate> nextTurn(Channel c, LocalDate date) {
        Period every = c.rotationPeriod().orElse(null);
        return turnOn(c, date).flatMap(turn -> start(c).map(s -> plus(s, every, turn + 1)));
    }

    /** How many whole periods have passed from the rotation's start to {@code date}. */
    private static Optional<Long> turnOn(Channel c, LocalDate date) {
        Optional<LocalDate> first = start(c);
        if (first.isEmpty() || date.isBefore(first.get())) {
            return Optional.empty();
        }
        Period every = c.rotationPeriod().orElseThrow();
        long months = every.toTotalMonths();
        long turn;
        if (every.getDays() == 0 && months > 0) {
            turn = ChronoUnit.MONTHS.between(first.get(), date) / months;
        } else {
            // A period in days (or mixed): count from the start, one period at a time from an estimate below.
            long approxDays = Math.max(1, months * 28 + every.getDays());
            turn = Math.max(0, ChronoUnit.DAYS.between(first.get(), date) / (approxDays * 2));
            while (!plus(first.get(), every, turn + 1).isAfter(date)) {
                turn++;
            }
        }
        return Optional.of(turn);
    }

    private static LocalDate plus(LocalDate start, Period every, long times) {
        return start.plus(every.multipliedBy(Math.toIntExact(times)));
    }
}
