package trisec.geo.map;

import java.time.Duration;
import java.util.Optional;
import trisec.DomainException;

/**
 * How to draw a warnings map.
 *
 * @param width        in px, 240 to 4096
 * @param height       in px, 240 to 4096
 * @param view         what the map shows
 * @param markInterval the time between T+ marks along a track; empty picks one per flight so that a track has at
 *                     most ten marks (1, 2, 5, 10, 15, 20 or 30 minutes)
 */
public record MapOptions(int width, int height, View view, Optional<Duration> markInterval) {
    /** What the map shows. */
    public enum View {
        /** The warnings, with some sea around them; the whole region when there is none. */
        FIT_WARNINGS,
        /** The whole region the territories are known for (lon 115–160 E, lat 10–55 N for the shipped data). */
        REGION
    }

    private static final int MIN_SIDE = 240;
    private static final int MAX_SIDE = 4096;

    public MapOptions {
        if (width < MIN_SIDE || width > MAX_SIDE || height < MIN_SIDE || height > MAX_SIDE) {
            throw new DomainException("a map is " + MIN_SIDE + " to " + MAX_SIDE + " px on each side, got " + width
                    + " by " + height);
        }
        if (view == null) {
            throw new DomainException("a map's view is missing");
        }
        if (markInterval == null) {
            throw new DomainException("a map's mark interval is missing (empty picks one)");
        }
        markInterval.ifPresent(d -> {
            if (d.compareTo(Duration.ofSeconds(30)) < 0) {
                throw new DomainException("T+ marks are at least 30 seconds apart, got " + d);
            }
        });
    }

    /** 960 by 640 px, fitted to the warnings, marks picked per flight. */
    public static MapOptions defaults() {
        return new MapOptions(960, 640, View.FIT_WARNINGS, Optional.empty());
    }

    public MapOptions withSize(int width, int height) {
        return new MapOptions(width, height, view, markInterval);
    }

    public MapOptions withView(View view) {
        return new MapOptions(width, height, view, markInterval);
    }

    public MapOptions withMarkInterval(Duration interval) {
        return new MapOptions(width, height, view, Optional.of(interval));
    }
}
