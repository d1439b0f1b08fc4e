package trisec.consult;

import java.time.LocalDate;

/** A meeting of a channel (or an exercise), from {@code start} to {@code end} inclusive. */
public record Meeting(LocalDate start, LocalDate end, String place, String note) {
    public Meeting {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a meeting ends on or after the day it starts");
        }
    }
}
