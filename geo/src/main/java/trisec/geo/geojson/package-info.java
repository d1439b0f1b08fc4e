/**
 * A warning as GeoJSON (RFC 7946), for GIS tools: {@link trisec.geo.geojson.WarningGeoJson}. See
 * {@code docs/WARNINGS.md}, "GeoJSON".
 */
package trisec.geo.geojson;
