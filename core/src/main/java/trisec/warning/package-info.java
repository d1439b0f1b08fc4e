/**
 * Missile warnings (DESIGN §5.3, issue 11): the typed data of a launch warning, its lifecycle from first detection
 * to splashdown or loss of track, the great-circle geometry of its ground track and predicted impact point, and the
 * catalogue of public launches that replays draw on.
 *
 * <p>The Earth here is a sphere of radius {@link trisec.warning.GreatCircle#EARTH_RADIUS_KM} (the IUGG mean radius).
 * Against the WGS 84 ellipsoid that errs by up to about 0.5% of a distance, some 5 km over a 1,000 km lofted flight
 * and 20 km over an intermediate-range one: well inside the uncertainty of a predicted impact point, and the same
 * on every node. Territories, coasts and the questions asked of them (overflight, distance to a coast) need polygon
 * data and live in the {@code geo} module, not here.
 */
package trisec.warning;
