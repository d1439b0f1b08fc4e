package trisec.geo.geojson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import trisec.geo.FlightGeography;
import trisec.geo.ImpactEllipse;
import trisec.geo.Region;
import trisec.party.Party;
import trisec.warning.Closure;
import trisec.warning.ErrorEllipse;
import trisec.warning.FlightPrediction;
import trisec.warning.GeoPoint;
import trisec.warning.MissileWarning;
import trisec.warning.WarningState;

/**
 * One warning as GeoJSON (RFC 7946, {@value #MEDIA_TYPE}): a FeatureCollection of its launch point, its ground track,
 * its predicted impact point, its error ellipse and, once it came down, its splashdown point. Every feature carries
 * the warning's properties (so a GIS tool shows them whichever feature is picked) and its {@code role}.
 *
 * <p>Positions are [longitude, latitude] in WGS 84 degrees with at most 6 decimals (about 0.1 m, RFC 7946 § 11.2).
 * A track or an ellipse across the antimeridian becomes a MultiLineString or MultiPolygon cut at ±180 (§ 3.1.9);
 * polygon rings are closed and counterclockwise (§ 3.1.6). The same warning always gives the same bytes.
 */
public final class WarningGeoJson {
    /** The media type of GeoJSON, RFC 7946 § 12. */
    public static final String MEDIA_TYPE = "application/geo+json";

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private static final double MIN_POLYGON_KM = 0.01;

    private WarningGeoJson() {}

    /**
     * The warning in its latest state as a FeatureCollection.
     *
     * @param region the territories its overflight and 200-NM flags are taken from ({@link Region#assess})
     */
    public static String of(MissileWarning warning, Region region) {
        Objects.requireNonNull(warning, "warning");
        Objects.requireNonNull(region, "region");
        var out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            new Writer(g, warning, region.assess(warning.current().flight())).collection();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private record Writer(JsonGenerator g, MissileWarning w, FlightGeography geography) {
        void collection() throws IOException {
            WarningState state = w.current();
            FlightPrediction flight = state.flight();
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");

            feature("launch", () -> point(flight.launchPoint()), () -> {});

            feature("groundTrack", () -> {
                List<List<double[]>> parts = Antimeridian.cutLine(flight.groundTrack());
                if (parts.size() == 1) {
                    g.writeStringField("type", "LineString");
                    g.writeFieldName("coordinates");
                    positions(parts.getFirst());
                } else {
                    g.writeStringField("type", "MultiLineString");
                    g.writeArrayFieldStart("coordinates");
                    for (List<double[]> part : parts) {
                        positions(part);
                    }
                    g.writeEndArray();
                }
            }, () -> {});

            ErrorEllipse e = state.impactEllipse();
            feature("predictedImpact", () -> point(state.impact().point()), () -> {
                ellipseFields(e);
                g.writeObjectFieldStart("coastDistancesKm");
                for (Map.Entry<Party, Double> d : geography.coastDistancesKm().entrySet()) {
                    if (Double.isFinite(d.getValue())) {
                        g.writeFieldName(d.getKey().code());
                        number(d.getValue(), 1);
                    }
                }
                g.writeEndObject();
            });

            // An ellipse narrower than 10 m has no ring 6 decimals can draw; its numbers say all there is.
            List<GeoPoint> outline = e.semiMinorKm() >= MIN_POLYGON_KM ? ImpactEllipse.outline(state.impact())
                    : List.of();
            if (!outline.isEmpty()) {
                feature("errorEllipse", () -> {
                    List<List<double[]>> rings = Antimeridian.cutRing(outline);
                    if (rings.size() == 1) {
                        g.writeStringField("type", "Polygon");
                        g.writeArrayFieldStart("coordinates");
                        positions(rings.getFirst());
                        g.writeEndArray();
                    } else {
                        g.writeStringField("type", "MultiPolygon");
                        g.writeArrayFieldStart("coordinates");
                        for (List<double[]> ring : rings) {
                            g.writeStartArray();
                            positions(ring);
                            g.writeEndArray();
                        }
                        g.writeEndArray();
                    }
                }, () -> ellipseFields(e));
            }

            if (w.closure().orElse(null) instanceof Closure.Splashdown s) {
                feature("splashdown", () -> point(s.point()), () -> g.writeStringField("splashdownAt", time(s.at())));
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        private interface Part {
            void write() throws IOException;
        }

        private void feature(String role, Part geometry, Part more) throws IOException {
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeStringField("id", w.detectingParty().code() + "/" + w.track().value() + "/" + role);
            g.writeObjectFieldStart("geometry");
            geometry.write();
            g.writeEndObject();
            g.writeObjectFieldStart("properties");
            g.writeStringField("role", role);
            common();
            more.write();
            g.writeEndObject();
            g.writeEndObject();
        }

        private void common() throws IOException {
            WarningState state = w.current();
            FlightPrediction flight = state.flight();
            g.writeStringField("trackNumber", w.track().value());
            g.writeStringField("detectingParty", w.detectingParty().code());
            g.writeStringField("sensor", w.detection().sensor());
            g.writeStringField("detectedAt", time(w.detection().at()));
            g.writeStringField("stateAt", time(state.at()));
            g.writeNumberField("states", w.states().size());
            g.writeFieldName("azimuthDeg");
            number(flight.azimuthDeg(), 2);
            g.writeFieldName("apogeeKm");
            number(flight.apogeeKm(), 1);
            g.writeFieldName("rangeKm");
            number(flight.rangeKm(), 1);
            g.writeStringField("flightTime", flight.flightTime().toString());
            g.writeNumberField("flightTimeSeconds", flight.flightTime().toSeconds());
            g.writeFieldName("confidence");
            number(state.confidence(), 3);
            if (state.missileType().isPresent()) {
                g.writeStringField("missileType", state.missileType().get());
            }
            g.writeStringField("status", w.isOpen() ? "open" : "closed");
            if (w.closure().isPresent()) {
                Closure c = w.closure().get();
                g.writeStringField("closedBy", switch (c) {
                    case Closure.Splashdown s -> "splashdown";
                    case Closure.TrackLost l -> "trackLost";
                });
                g.writeStringField("closedAt", time(c.at()));
            }
            parties("overflown", geography.overflown());
            parties("impactOnLandOf", geography.impactOnLandOf());
            parties("within200NmOfCoast", geography.within200NmOfCoast());
            g.writeStringField("within200NmOfCoastIs",
                    "a modelled stand-in for the EEZ: 200 NM from the coast as drawn at 1:50m, not the legal zone");
        }

        private void ellipseFields(ErrorEllipse e) throws IOException {
            g.writeFieldName("ellipseSemiMajorKm");
            number(e.semiMajorKm(), 3);
            g.writeFieldName("ellipseSemiMinorKm");
            number(e.semiMinorKm(), 3);
            g.writeFieldName("ellipseOrientationDeg");
            number(e.orientationDeg(), 2);
        }

        private void parties(String name, Set<Party> parties) throws IOException {
            g.writeArrayFieldStart(name);
            for (Party p : parties) {
                g.writeString(p.code());
            }
            g.writeEndArray();
        }

        private void point(GeoPoint p) throws IOException {
            g.writeStringField("type", "Point");
            g.writeFieldName("coordinates");
            position(p.longitude(), p.latitude());
        }

        private void positions(List<double[]> points) throws IOException {
            g.writeStartArray();
            double[] last = null;
            for (double[] p : points) {
                double[] rounded = {round(p[0], 6), round(p[1], 6)};
                // Rounding may make neighbours equal; a repeated position adds nothing to a line or a ring.
                if (last == null || rounded[0] != last[0] || rounded[1] != last[1]) {
                    position(rounded[0], rounded[1]);
                }
                last = rounded;
            }
            g.writeEndArray();
        }

        private void position(double lon, double lat) throws IOException {
            g.writeStartArray();
            number(lon, 6);
            number(lat, 6);
            g.writeEndArray();
        }

        private void number(double value, int decimals) throws IOException {
            g.writeNumber(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros());
        }
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static String time(Instant at) {
        return at.toString();
    }
}
