package trisec.warning;

/** A launch site as public sources name and place it ({@code Sunan, Pyongyang} at 39.2 N, 125.7 E). */
public record LaunchSite(String name, GeoPoint point) {
    public LaunchSite {
        name = Require.text("a launch site's name", name);
        Require.present("a launch site's point", point);
    }
}
