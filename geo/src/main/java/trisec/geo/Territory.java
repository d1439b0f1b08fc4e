package trisec.geo;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import trisec.party.Party;
import trisec.warning.GeoPoint;

/**
 * A party's land in the region and its coast: the land's edge less its land borders and less the region's edge.
 * Built once and read-only afterwards, so one instance serves every thread.
 *
 * <p>A territory {@link #cutByRegionEdge() cut by the region's edge} (China, Russia, Mongolia, the Philippines in
 * the shipped data) has only its coasts inside the region; near the edge, its nearest real coast may lie outside.
 * Korea, Japan, and Guam with the Northern Marianas (USA) are whole.
 */
public final class Territory {
    /**
     * 200 nautical miles (of 1,852 m) in km: the reach of trisec's <em>modelled stand-in</em> for an exclusive
     * economic zone, measured from the coast as drawn at 1:50m. It is not the legal EEZ, whose limits follow
     * median lines and agreements between facing coasts and start from baselines and islets this map lacks.
     */
    public static final double TWO_HUNDRED_NM_KM = 200 * 1.852;

    private final Party party;
    private final Geometry land;
    private final Geometry coast;
    private final boolean cutByRegionEdge;
    private final PreparedGeometry preparedLand;
    private final CoastDistance coastDistance;

    Territory(Party party, Geometry land, Geometry coast, boolean cutByRegionEdge) {
        this.party = party;
        this.land = land;
        this.coast = coast;
        this.cutByRegionEdge = cutByRegionEdge;
        this.preparedLand = PreparedGeometryFactory.prepare(land);
        this.coastDistance = new CoastDistance(coast);
    }

    public Party party() {
        return party;
    }

    /** The land inside the region, as (multi)polygons in longitude (x) and latitude (y); a copy. */
    public Geometry land() {
        return land.copy();
    }

    /** The coast inside the region, as lines in longitude (x) and latitude (y); a copy. */
    public Geometry coast() {
        return coast.copy();
    }

    /** The region's edge cuts this party's land, so some of its land and coast lie outside the data. */
    public boolean cutByRegionEdge() {
        return cutByRegionEdge;
    }

    /** The point lies on this party's land (its edge included). */
    public boolean contains(GeoPoint p) {
        return preparedLand.intersects(land.getFactory().createPoint(new Coordinate(p.longitude(), p.latitude())));
    }

    /**
     * The ground track crosses or touches this party's land. The track must be densified (as
     * {@link trisec.warning.FlightPrediction#groundTrack()} is), since each step between its points is drawn
     * straight in longitude and latitude.
     */
    public boolean isOverflownBy(List<GeoPoint> groundTrack) {
        return preparedLand.intersects(Tracks.line(groundTrack, land.getFactory()));
    }

    /**
     * The great-circle distance in km from {@code p} to the nearest point of this party's coast, to within a few
     * metres of the spherical model (the coast itself is drawn at 1:50m, so it is no nearer than a few km to the
     * real shore); infinite for a party without coast in the region. A point on land is measured to the coast too.
     */
    public double distanceToCoastKm(GeoPoint p) {
        return coastDistance.km(p);
    }

    /**
     * {@code p} is on this party's land, or at sea within 200 nautical miles of its coast: the modelled stand-in
     * for "inside its EEZ" (see {@link #TWO_HUNDRED_NM_KM} for how it differs from the legal zone).
     */
    public boolean isWithin200NmOfCoast(GeoPoint p) {
        return contains(p) || distanceToCoastKm(p) <= TWO_HUNDRED_NM_KM;
    }

    @Override
    public String toString() {
        return "Territory[" + party + (cutByRegionEdge ? ", cut by the region's edge" : "") + "]";
    }
}
