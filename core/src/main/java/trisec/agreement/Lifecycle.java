package trisec.agreement;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import trisec.agreement.AgreementStatus.InForce;
import trisec.agreement.LifecycleEvent.Amended;
import trisec.agreement.LifecycleEvent.EnteredIntoForce;
import trisec.agreement.LifecycleEvent.NoticeSuspended;
import trisec.agreement.LifecycleEvent.NoticeWithdrawn;
import trisec.agreement.LifecycleEvent.Signed;
import trisec.agreement.LifecycleEvent.TerminationNotice;
import trisec.agreement.LifecycleEvent.Terminated;

/**
 * An agreement's life computed from its events (DESIGN §2.6): the status at every instant and the intervals
 * during which it is in force. In force means from entry into force (inclusive) until the effective
 * termination (exclusive). A termination notice takes effect at the end of the current term when given at
 * least the notice period before it, else at the end of the next term, unless it states its own date; for an
 * agreement without terms it takes effect one notice period after it is given. A suspension or withdrawal
 * strictly before the effective instant cancels the notice.
 */
public final class Lifecycle {

    /** What is wrong with the event at {@code index}; the scenario reader attaches a line to it. */
    public record EventProblem(int index, String message) {}

    /** A stretch of time, {@code from} inclusive, {@code until} exclusive ({@link Instant#MAX} when open). */
    public record Interval(Instant from, Instant until) {
        public boolean contains(Instant t) {
            return !t.isBefore(from) && t.isBefore(until);
        }
    }

    private record Segment(Instant from, AgreementStatus status) {}

    private final List<Segment> segments;
    private final List<Interval> inForce;

    private Lifecycle(List<Segment> segments, List<Interval> inForce) {
        this.segments = segments;
        this.inForce = inForce;
    }

    /** @throws IllegalArgumentException when the events do not make a possible life (see {@link #problems}) */
    public static Lifecycle of(Agreement agreement) {
        var run = new Run(agreement.term(), agreement.noticePeriod());
        run.apply(agreement.events());
        if (!run.problems.isEmpty()) {
            var p = run.problems.getFirst();
            throw new IllegalArgumentException(agreement.id() + ", event " + (p.index() + 1) + ": " + p.message());
        }
        return run.result();
    }

    /** Everything that makes these events impossible for an agreement with this term and notice period. */
    public static List<EventProblem> problems(Optional<Period> term, Optional<Period> noticePeriod,
                                              List<LifecycleEvent> events) {
        var run = new Run(term, noticePeriod);
        run.apply(events);
        return List.copyOf(run.problems);
    }

    public AgreementStatus statusAt(Instant t) {
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (segments.get(mid).from().isAfter(t)) {
                hi = mid - 1;
            } else {
                lo = mid;
            }
        }
        return segments.get(lo).status();
    }

    public boolean inForceAt(Instant t) {
        for (Interval i : inForce) {
            if (i.contains(t)) {
                return true;
            }
        }
        return false;
    }

    public List<Interval> inForceIntervals() {
        return inForce;
    }

    /** The instant at which the status changes after {@code t}, if it ever does. */
    public Optional<Instant> nextChangeAfter(Instant t) {
        return segments.stream().map(Segment::from).filter(f -> f.isAfter(t)).findFirst();
    }

    /** Replays the events in order, tracking the state of the agreement and collecting problems. */
    private static final class Run {
        private enum State { NOT_SIGNED, SIGNED, IN_FORCE, TERMINATED }

        private final Optional<Period> term;
        private final Optional<Period> noticePeriod;
        private final List<EventProblem> problems = new ArrayList<>();
        private final List<Segment> segments = new ArrayList<>();

        private State state = State.NOT_SIGNED;
        private Instant termStart;
        private Instant inForceSince;
        private Instant pending;          // effective instant of a pending termination notice
        private boolean suspended;
        private Instant terminatedAt;

        Run(Optional<Period> term, Optional<Period> noticePeriod) {
            this.term = term;
            this.noticePeriod = noticePeriod;
            segments.add(new Segment(Instant.MIN, new AgreementStatus.NotYetSigned()));
        }

        void apply(List<LifecycleEvent> events) {
            Instant previous = Instant.MIN;
            for (int i = 0; i < events.size(); i++) {
                LifecycleEvent e = events.get(i);
                if (e.at().isBefore(previous)) {
                    problems.add(new EventProblem(i, "events must be listed in date order; this one is dated before the previous one"));
                    continue;
                }
                previous = e.at();
                lapseBefore(e.at(), true);
                apply(i, e);
            }
            lapseBefore(Instant.MAX, false);
        }

        /** A pending notice whose effective instant has come terminates the agreement. */
        private void lapseBefore(Instant t, boolean inclusive) {
            if (state == State.IN_FORCE && pending != null && (pending.isBefore(t) || (inclusive && pending.equals(t)))) {
                terminate(pending);
            }
        }

        private void apply(int i, LifecycleEvent e) {
            Instant at = e.at();
            switch (e) {
                case Signed s -> {
                    if (state != State.NOT_SIGNED) {
                        problems.add(new EventProblem(i, "the agreement is already signed"));
                        return;
                    }
                    state = State.SIGNED;
                    mark(at, new AgreementStatus.Signed(at));
                }
                case EnteredIntoForce f -> {
                    switch (state) {
                        case NOT_SIGNED -> problems.add(new EventProblem(i, "it enters into force before it is signed"));
                        case IN_FORCE -> problems.add(new EventProblem(i, "the agreement is already in force"));
                        case SIGNED, TERMINATED -> {
                            state = State.IN_FORCE;
                            termStart = at;
                            inForceSince = at;
                            pending = null;
                            suspended = false;
                            markInForce(at);
                        }
                    }
                }
                case TerminationNotice n -> {
                    if (state != State.IN_FORCE) {
                        problems.add(new EventProblem(i, "a termination notice needs the agreement in force; it is "
                                + describe(state)));
                        return;
                    }
                    if (pending != null) {
                        problems.add(new EventProblem(i, "a termination notice is already pending (effective "
                                + AgreementStatus.format(pending) + ")"));
                        return;
                    }
                    Optional<Instant> effective = n.effective().isPresent() ? n.effective() : effectiveDate(at);
                    if (effective.isEmpty()) {
                        problems.add(new EventProblem(i, "this agreement has neither terms nor a notice period, "
                                + "so the notice must state its effective date"));
                        return;
                    }
                    if (effective.get().isBefore(at)) {
                        problems.add(new EventProblem(i, "the notice takes effect before it is given"));
                        return;
                    }
                    pending = effective.get();
                    suspended = false;
                    markInForce(at);
                    if (pending.equals(at)) {
                        terminate(at);
                    }
                }
                case NoticeSuspended s -> {
                    if (state != State.IN_FORCE || pending == null) {
                        problems.add(new EventProblem(i, "there is no pending termination notice to suspend"));
                        return;
                    }
                    pending = null;
                    suspended = true;
                    markInForce(at);
                }
                case NoticeWithdrawn w -> {
                    if (state != State.IN_FORCE || (pending == null && !suspended)) {
                        problems.add(new EventProblem(i, "there is no termination notice to withdraw"));
                        return;
                    }
                    pending = null;
                    suspended = false;
                    markInForce(at);
                }
                case Terminated t -> {
                    if (state == State.TERMINATED && at.equals(terminatedAt)) {
                        return; // records the lapse of a notice at the instant it took effect
                    }
                    if (state != State.IN_FORCE && state != State.SIGNED) {
                        problems.add(new EventProblem(i, "only a signed or in-force agreement can terminate; it is "
                                + describe(state)));
                        return;
                    }
                    terminate(at);
                }
                case Amended a -> {
                    if (state == State.NOT_SIGNED) {
                        problems.add(new EventProblem(i, "an agreement is amended only after it is signed"));
                    }
                }
            }
        }

        /**
         * The effective instant of a notice given at {@code at}: end of the current term if the notice period
         * fits before it, else end of the next term; without terms, one notice period later.
         */
        private Optional<Instant> effectiveDate(Instant at) {
            if (term.isEmpty()) {
                return noticePeriod.map(p -> plus(at, p));
            }
            Period t = term.get();
            Instant end;
            int k = 1;
            do {
                end = plus(termStart, t.multipliedBy(k++));
            } while (!end.isAfter(at));
            if (noticePeriod.isEmpty() || !plus(at, noticePeriod.get()).isAfter(end)) {
                return Optional.of(end);
            }
            return Optional.of(plus(termStart, t.multipliedBy(k)));
        }

        private void terminate(Instant at) {
            state = State.TERMINATED;
            terminatedAt = at;
            pending = null;
            suspended = false;
            mark(at, new AgreementStatus.Terminated(at));
        }

        private void markInForce(Instant at) {
            mark(at, new InForce(inForceSince, Optional.ofNullable(pending), suspended));
        }

        /** Records the status from {@code at}; a later event at the same instant replaces an earlier one. */
        private void mark(Instant at, AgreementStatus status) {
            Segment last = segments.getLast();
            if (last.from().equals(at)) {
                segments.removeLast();
            }
            segments.add(new Segment(at, status));
        }

        private static String describe(State s) {
            return switch (s) {
                case NOT_SIGNED -> "not yet signed";
                case SIGNED -> "signed but not in force";
                case IN_FORCE -> "in force";
                case TERMINATED -> "terminated";
            };
        }

        Lifecycle result() {
            List<Interval> intervals = new ArrayList<>();
            Instant openFrom = null;
            for (Segment s : segments) {
                if (s.status().inForce() && openFrom == null) {
                    openFrom = s.from();
                } else if (!s.status().inForce() && openFrom != null) {
                    intervals.add(new Interval(openFrom, s.from()));
                    openFrom = null;
                }
            }
            if (openFrom != null) {
                intervals.add(new Interval(openFrom, Instant.MAX));
            }
            return new Lifecycle(List.copyOf(segments), List.copyOf(intervals));
        }
    }

    static Instant plus(Instant t, Period p) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC).plus(p).toInstant();
    }
}
