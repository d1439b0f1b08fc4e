package trisec.consult;

import java.time.Period;
import java.util.Optional;

/** How often a consultation channel is expected to meet. */
public enum Cadence {
    ANNUAL(Period.ofYears(1)),
    SEMIANNUAL(Period.ofMonths(6)),
    /** A standing body (the secretariat): always in session, no meeting is due. */
    STANDING(null),
    /** Held on a multi-year plan (exercises): no fixed interval. */
    PLANNED(null);

    private final Period interval;

    Cadence(Period interval) {
        this.interval = interval;
    }

    /** The longest expected gap between two meetings, where there is one. */
    public Optional<Period> interval() {
        return Optional.ofNullable(interval);
    }
}
