package trisec.warning;

import trisec.DomainException;

/**
 * The uncertainty of a predicted impact point: an ellipse centred on it.
 *
 * @param semiMajorKm    half the long axis, at least {@code semiMinorKm}
 * @param semiMinorKm    half the short axis, non-negative
 * @param orientationDeg the azimuth of the long axis, clockwise from true north, in [0, 180); an axis has no
 *                       direction, so 180 is read as 0
 */
public record ErrorEllipse(double semiMajorKm, double semiMinorKm, double orientationDeg) {
    public ErrorEllipse {
        Require.nonNegative("an error ellipse's semi-major axis", semiMajorKm, " km");
        Require.nonNegative("an error ellipse's semi-minor axis", semiMinorKm, " km");
        if (semiMinorKm > semiMajorKm) {
            throw new DomainException("an error ellipse's semi-minor axis (" + Require.plain(semiMinorKm)
                    + " km) must not be longer than its semi-major axis (" + Require.plain(semiMajorKm) + " km)");
        }
        Require.between("an error ellipse's orientation", orientationDeg, 0, 180, " degrees");
        if (orientationDeg == 180) {
            orientationDeg = 0;
        }
    }

    /** A circle of {@code radiusKm}. */
    public static ErrorEllipse circle(double radiusKm) {
        return new ErrorEllipse(radiusKm, radiusKm, 0);
    }
}
