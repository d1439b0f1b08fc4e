/**
 * The warnings map (issue 11, "Screens"): {@link trisec.geo.map.WarningMap} draws the region and any number of
 * warnings as SVG, in the viewer's language, on a Lambert conformal conic projection fitted to the warnings; colours
 * per party are {@link trisec.geo.map.TrackColours}. See {@code docs/WARNINGS.md}, "Map".
 */
package trisec.geo.map;
