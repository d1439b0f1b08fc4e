package trisec.geo.map;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import trisec.geo.Bounds;
import trisec.geo.ImpactEllipse;
import trisec.geo.Region;
import trisec.warning.Closure;
import trisec.warning.GeoPoint;
import trisec.warning.GreatCircle;
import trisec.warning.MissileWarning;
import trisec.warning.WarningState;

/**
 * Where the map looks and how a point on the Earth becomes a pixel: a box of longitudes and latitudes (fitted to
 * the warnings, or the region's), a conformal conic projection chosen for it, and the scale and offset that fit the
 * projected box into the picture. Everything drawn is clipped to the picture, so nothing outside it is written.
 */
final class MapFrame {
    /** Empty space between the fitted box and the picture's edge, px. */
    private static final double MARGIN_PX = 10;
    /** Sea around the warnings: this share of their extent each side, and at least this many degrees. */
    private static final double PAD_SHARE = 0.15;
    private static final double PAD_MIN_DEG = 1.5;
    /** A fitted view spans at least this much, so that a short flight still shows the coasts around it. */
    private static final double MIN_LAT_SPAN = 10;
    private static final double MIN_LON_SPAN = 12;

    final int width;
    final int height;
    /** The box the map was fitted to, longitudes unwrapped (east may exceed 180). */
    final double west;
    final double east;
    final double south;
    final double north;
    private final ConicProjection projection;
    private final double scale;
    private final double minX;
    private final double maxY;
    private final double offsetX;
    private final double offsetY;
    private final GeometryFactory factory = new GeometryFactory();
    private final Geometry clip;

    private MapFrame(int width, int height, double west, double east, double south, double north,
                     List<GeoPoint> mustShow) {
        this.width = width;
        this.height = height;
        this.west = west;
        this.east = east;
        this.south = south;
        this.north = north;
        this.projection = ConicProjection.forView(GreatCircle.normalizedLongitude((west + east) / 2), south, north);
        var extent = new Envelope();
        for (double lon = west; lon <= east; lon += 0.5) {
            extent.expandToInclude(xy(south, lon));
            extent.expandToInclude(xy(north, lon));
        }
        for (double lat = south; lat <= north; lat += 0.5) {
            extent.expandToInclude(xy(lat, west));
            extent.expandToInclude(xy(lat, east));
        }
        extent.expandToInclude(xy(north, east));
        for (GeoPoint p : mustShow) {
            extent.expandToInclude(xy(p.latitude(), p.longitude()));
        }
        this.scale = Math.min((width - 2 * MARGIN_PX) / extent.getWidth(), (height - 2 * MARGIN_PX) / extent.getHeight());
        this.minX = extent.getMinX();
        this.maxY = extent.getMaxY();
        this.offsetX = (width - scale * extent.getWidth()) / 2;
        this.offsetY = (height - scale * extent.getHeight()) / 2;
        // A little beyond the picture, so that no stroke ends visibly at its edge.
        this.clip = factory.toGeometry(new Envelope(-2, width + 2, -2, height + 2));
    }

    static MapFrame fit(Region region, List<MissileWarning> warnings, MapOptions options) {
        List<GeoPoint> points = new ArrayList<>();
        for (MissileWarning w : warnings) {
            points.addAll(interest(w));
        }
        return fitPoints(region, points, options);
    }

    /** The box around these points with some sea around them (the whole region for none, or with that view). */
    static MapFrame fitPoints(Region region, List<GeoPoint> points, MapOptions options) {
        Bounds b = region.bounds();
        if (options.view() == MapOptions.View.REGION || points.isEmpty()) {
            return new MapFrame(options.width(), options.height(), b.west(), b.east(), b.south(), b.north(),
                    List.of());
        }
        double reference = points.getFirst().longitude();
        double west = Double.POSITIVE_INFINITY;
        double east = Double.NEGATIVE_INFINITY;
        double south = Double.POSITIVE_INFINITY;
        double north = Double.NEGATIVE_INFINITY;
        for (GeoPoint p : points) {
            double lon = unwrap(p.longitude(), reference);
            west = Math.min(west, lon);
            east = Math.max(east, lon);
            south = Math.min(south, p.latitude());
            north = Math.max(north, p.latitude());
        }
        double padLon = Math.max(PAD_MIN_DEG, PAD_SHARE * (east - west));
        double padLat = Math.max(PAD_MIN_DEG, PAD_SHARE * (north - south));
        west -= padLon;
        east += padLon;
        south -= padLat;
        north += padLat;
        double lonGrow = Math.max(0, MIN_LON_SPAN - (east - west)) / 2;
        double latGrow = Math.max(0, MIN_LAT_SPAN - (north - south)) / 2;
        west -= lonGrow;
        east += lonGrow;
        south = Math.max(-85, south - latGrow);
        north = Math.min(85, north + latGrow);
        return new MapFrame(options.width(), options.height(), west, east, south, north, points);
    }

    /** What a fitted map must show of a warning: its track, its ellipse, where it came down. */
    private static List<GeoPoint> interest(MissileWarning w) {
        WarningState state = w.current();
        var points = new ArrayList<>(state.flight().groundTrack());
        points.addAll(ImpactEllipse.outline(state.impact()));
        if (w.closure().orElse(null) instanceof Closure.Splashdown s) {
            points.add(s.point());
        }
        return points;
    }

    /** {@code lon} moved by whole turns to within 180 degrees of {@code reference}. */
    static double unwrap(double lon, double reference) {
        return reference + GreatCircle.normalizedLongitude(lon - reference);
    }

    private Coordinate xy(double lat, double lon) {
        double[] p = projection.project(lat, lon);
        return new Coordinate(p[0], p[1]);
    }

    /** {x, y} in px, y down. */
    double[] px(double lat, double lon) {
        double[] p = projection.project(lat, lon);
        return new double[] {offsetX + (p[0] - minX) * scale, offsetY + (maxY - p[1]) * scale};
    }

    double[] px(GeoPoint p) {
        return px(p.latitude(), p.longitude());
    }

    /** px per km of the Earth's surface at a latitude. */
    double pxPerKm(double lat) {
        return scale * projection.scaleFactor(lat);
    }

    /** Whether a point, with room of {@code dx} and {@code dy} px around it, lies inside the picture. */
    boolean inside(double[] p, double dx, double dy) {
        return p[0] - dx >= 0 && p[0] + dx <= width && p[1] - dy >= 0 && p[1] + dy <= height;
    }

    /** A geometry in longitude and latitude, projected to px and clipped to the picture. */
    Geometry toPx(Geometry lonLat) {
        Geometry g = lonLat.copy();
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double[] p = px(seq.getY(i), seq.getX(i));
                seq.setOrdinate(i, CoordinateSequence.X, p[0]);
                seq.setOrdinate(i, CoordinateSequence.Y, p[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return clip(g);
    }

    /** A line through points given in px, clipped to the picture. */
    Geometry line(List<double[]> pxPoints) {
        var c = new Coordinate[pxPoints.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(pxPoints.get(i)[0], pxPoints.get(i)[1]);
        }
        return clip(c.length < 2 ? factory.createLineString() : factory.createLineString(c));
    }

    /** A ring through points given in px, as a polygon clipped to the picture. */
    Geometry polygon(List<double[]> pxPoints) {
        if (pxPoints.size() < 3) {
            return factory.createPolygon();
        }
        var c = new Coordinate[pxPoints.size() + 1];
        for (int i = 0; i < pxPoints.size(); i++) {
            c[i] = new Coordinate(pxPoints.get(i)[0], pxPoints.get(i)[1]);
        }
        c[c.length - 1] = c[0].copy();
        return clip(factory.createPolygon(c));
    }

    /** The part of the picture outside a geometry given in px. */
    Geometry outside(Geometry px) {
        return OverlayNGRobust.overlay(clip, px, OverlayNG.DIFFERENCE);
    }

    private Geometry clip(Geometry g) {
        if (g.isEmpty()) {
            return g;
        }
        return OverlayNGRobust.overlay(g, clip, OverlayNG.INTERSECTION);
    }
}
