package trisec.warning;

/** A predicted impact point and the ellipse of its uncertainty, centred on it. */
public record ImpactPrediction(GeoPoint point, ErrorEllipse ellipse) {
    public ImpactPrediction {
        Require.present("an impact prediction's point", point);
        Require.present("an impact prediction's error ellipse", ellipse);
    }
}
