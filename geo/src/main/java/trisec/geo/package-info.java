/**
 * The region's territories and the questions a missile warning asks of them: does a ground track cross a party's
 * land, how far is a predicted impact point from a party's coast, and is it within 200 nautical miles of it.
 *
 * <p>The land and coasts are Natural Earth's 1:50m admin-0 countries (public domain), via the npm package
 * world-atlas 2.0.2, cropped to lon 115–160 E, lat 10–55 N and shipped as {@code trisec/geo/region-50m.txt}
 * (see {@code docs/WARNINGS.md}, "Geometry", and {@code geo/tools/README.md}). Polygon predicates and spatial
 * indexes are JTS's; distances are great-circle distances from {@link trisec.warning.GreatCircle}, on the same
 * sphere as the warnings themselves, never planar distances in degrees.
 *
 * <p>What people and their tools see of a warning is built on these: {@link trisec.geo.ImpactEllipse} lays the error
 * ellipse out on the ground, {@code trisec.geo.map} draws the warnings map as SVG, {@code trisec.geo.geojson} and
 * {@code trisec.geo.cot} write a warning as GeoJSON and as a Cursor-on-Target event.
 *
 * <p>"Within 200 nautical miles of a coast" is trisec's <em>modelled stand-in</em> for an exclusive economic zone,
 * not the legal zone: real EEZ limits follow median lines and agreements where coasts face each other, and are
 * measured from baselines and islets a 1:50m map does not have.
 */
package trisec.geo;
