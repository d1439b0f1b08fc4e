package trisec.warning;

import java.time.Instant;
import java.util.Optional;

/**
 * What a warning says at one instant: the predicted flight, the uncertainty of its impact point, how sure tracking
 * is, and the missile type once known. Each update of a warning is a new state.
 *
 * @param at            when tracking produced this state
 * @param flight        the predicted flight, from which the ground track and impact point follow
 * @param impactEllipse the uncertainty of the predicted impact point
 * @param confidence    from 0 (a guess) to 1 (certain)
 * @param missileType   the type, if known ({@code Hwasong-15})
 */
public record WarningState(Instant at, FlightPrediction flight, ErrorEllipse impactEllipse, double confidence,
                           Optional<String> missileType) {
    public WarningState {
        Require.present("a warning state's time", at);
        Require.present("a warning state's flight", flight);
        Require.present("a warning state's impact ellipse", impactEllipse);
        Require.between("confidence", confidence, 0, 1, "");
        Require.present("a warning state's missile type (empty when unknown)", missileType);
        missileType = missileType.map(t -> Require.text("a missile type", t));
    }

    /** The predicted impact point (where the flight's great circle ends) with its ellipse. */
    public ImpactPrediction impact() {
        return new ImpactPrediction(flight.impactPoint(), impactEllipse);
    }
}
