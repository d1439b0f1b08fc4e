package trisec.warning;

import java.time.Instant;

/** How a warning ends: the missile was seen to come down, or tracking lost it. */
public sealed interface Closure {

    /** When the warning was closed. */
    Instant at();

    /** The observed splashdown (or impact) point. */
    record Splashdown(Instant at, GeoPoint point) implements Closure {
        public Splashdown {
            Require.present("a splashdown's time", at);
            Require.present("a splashdown's point", point);
        }
    }

    /** Tracking lost the flight; its last state is the last word on where it went. */
    record TrackLost(Instant at) implements Closure {
        public TrackLost {
            Require.present("the time track was lost", at);
        }
    }
}
