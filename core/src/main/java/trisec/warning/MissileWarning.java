package trisec.warning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import trisec.DomainException;
import trisec.party.Party;

/**
 * A missile warning through its life: opened on detection with a first state, updated as tracking refines the
 * flight and its impact prediction, and closed with the observed splashdown or the loss of track. A closed warning
 * cannot be updated or closed again. Values only: each step returns a new warning, and the history of states is
 * kept, oldest first.
 *
 * @param track     the track number, the same on every update and on the close
 * @param detection who first saw the launch, with what, and when
 * @param states    every state so far, oldest first, none earlier than the detection or than the one before it
 * @param closure   how it ended, once it has
 */
public record MissileWarning(TrackNumber track, Detection detection, List<WarningState> states,
                             Optional<Closure> closure) {
    public MissileWarning {
        Require.present("a warning's track number", track);
        Require.present("a warning's detection", detection);
        Require.present("a warning's states", states);
        Require.present("a warning's closure (empty while open)", closure);
        states = List.copyOf(states);
        if (states.isEmpty()) {
            throw new DomainException("warning " + track + " has no state: a warning opens with one");
        }
        Instant previous = detection.at();
        for (WarningState state : states) {
            if (state.at().isBefore(previous)) {
                throw new DomainException("warning " + track + ": a state at " + state.at()
                        + " cannot come before " + previous + " (the detection or the state before it)");
            }
            previous = state.at();
        }
        if (closure.isPresent() && closure.get().at().isBefore(previous)) {
            throw new DomainException("warning " + track + " cannot be closed at " + closure.get().at()
                    + ", before its last state at " + previous);
        }
    }

    /** A new, open warning with its first state. */
    public static MissileWarning open(TrackNumber track, Detection detection, WarningState first) {
        return new MissileWarning(track, detection, List.of(Require.present("a warning's first state", first)),
                Optional.empty());
    }

    /** This warning with a refined state. */
    public MissileWarning update(WarningState next) {
        Require.present("a warning update's state", next);
        requireOpen("updated");
        var more = new ArrayList<>(states);
        more.add(next);
        return new MissileWarning(track, detection, more, Optional.empty());
    }

    /** This warning, closed. */
    public MissileWarning close(Closure how) {
        Require.present("how a warning is closed", how);
        requireOpen("closed again");
        return new MissileWarning(track, detection, states, Optional.of(how));
    }

    public boolean isOpen() {
        return closure.isEmpty();
    }

    /** The latest state. */
    public WarningState current() {
        return states.getLast();
    }

    /** The party that detected the launch and opened this warning. */
    public Party detectingParty() {
        return detection.party();
    }

    private void requireOpen(String what) {
        closure.ifPresent(c -> {
            String how = switch (c) {
                case Closure.Splashdown s -> "splashdown at " + s.point() + ", " + s.at();
                case Closure.TrackLost l -> "track lost at " + l.at();
            };
            throw new DomainException("warning " + track + " is closed (" + how + ") and cannot be " + what);
        });
    }
}
