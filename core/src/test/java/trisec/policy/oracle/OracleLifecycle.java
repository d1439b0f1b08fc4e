package trisec.policy.oracle;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;
import trisec.policy.oracle.Model.Deal;
import trisec.policy.oracle.Model.Event;

/**
 * In force or not, straight from DESIGN §2.6 and SEMANTICS.md "Agreements", by replaying the raw events.
 * Deliberately naive: every question replays the whole history.
 */
final class OracleLifecycle {
    private OracleLifecycle() {}

    enum State { NOT_SIGNED, SIGNED, IN_FORCE, TERMINATED }

    /** In force from IN_FORCE (inclusive) until the effective termination (exclusive). */
    static boolean inForceAt(Deal deal, Instant t) {
        return stateAt(deal, t) == State.IN_FORCE;
    }

    static State stateAt(Deal deal, Instant t) {
        State state = State.NOT_SIGNED;
        Instant entry = null;
        Instant pending = null; // effective instant of a notice not (yet) cancelled
        for (Event e : deal.events()) {
            if (e.at().isAfter(t)) {
                break;
            }
            // A pending notice whose effective instant has come ends the agreement before anything else happens
            // at or after that instant: a suspension "strictly before" the effective instant is the only rescue.
            if (pending != null && !pending.isAfter(e.at())) {
                state = State.TERMINATED;
                pending = null;
            }
            switch (e.step()) {
                case SIGNED -> {
                    if (state == State.NOT_SIGNED) {
                        state = State.SIGNED;
                    }
                }
                case IN_FORCE -> {
                    state = State.IN_FORCE;
                    entry = e.at(); // terms run from the latest entry into force
                    pending = null;
                }
                case TERMINATION_NOTICE -> pending = effectiveOf(deal.term(), deal.noticePeriod(), entry, e);
                case NOTICE_SUSPENDED, NOTICE_WITHDRAWN -> pending = null;
                case TERMINATED -> {
                    state = State.TERMINATED;
                    pending = null;
                }
                case AMENDED -> { }
            }
        }
        if (pending != null && !pending.isAfter(t)) {
            state = State.TERMINATED;
        }
        return state;
    }

    /**
     * When a notice takes effect: its own date if it states one; with terms, the end of the term containing the
     * notice when notice + noticePeriod <= that end, else the end of the following term; without terms, one
     * notice period after the notice. A missing notice period with terms counts as zero.
     */
    static Instant effectiveOf(Optional<Period> terms, Optional<Period> np, Instant entry, Event notice) {
        if (notice.effective().isPresent()) {
            return notice.effective().get();
        }
        Instant given = notice.at();
        if (terms.isEmpty()) {
            return plus(given, np.orElseThrow(() -> new IllegalStateException("a notice without terms needs a date")), 1);
        }
        Period term = terms.get();
        int k = 1;
        while (!termEnd(entry, term, k).isAfter(given)) {
            k++;
        }
        Instant end = termEnd(entry, term, k); // end of the term containing the notice
        Instant earliest = np.map(p -> plus(given, p, 1)).orElse(given);
        return earliest.isAfter(end) ? termEnd(entry, term, k + 1) : end;
    }

    /** The end of the k-th term after entry into force: the k-th anniversary, counted from entry, not chained. */
    static Instant termEnd(Instant entry, Period term, int k) {
        return plus(entry, term, k);
    }

    static Instant plus(Instant t, Period p, int times) {
        return t.atOffset(ZoneOffset.UTC).plus(p.multipliedBy(times)).toInstant();
    }
}
