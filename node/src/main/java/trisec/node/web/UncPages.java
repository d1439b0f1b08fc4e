package trisec.node.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import trisec.DateOrInstant;
import trisec.DomainException;
import trisec.agreement.AgreementStatus;
import trisec.geo.Region;
import trisec.geo.map.MapOptions;
import trisec.geo.map.SiteMap;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.scenario.Scenario;
import trisec.scenario.Site;
import trisec.scenario.SiteStatus;

/**
 * UN Command–Rear: the scenario's sites (the seven UN-flagged bases in Japan) on the region map of the warnings
 * page (those the scenario gives a position), and a table of each base's location, host, role, agreement and that agreement's status on any date.
 * Unclassified public facts: open to every signed-in person, a track 1.5 participant too, as the dialogue's health
 * is. The statuses come from core's {@link SiteStatus} on the node's facts; an option's scenario would answer alike.
 */
final class UncPages implements RouteGroup {
    private final Pages pages;

    UncPages(Pages pages) {
        this.pages = pages;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/ui/unc", this::page, Access.SIGNED_IN);
    }

    private void page(Context ctx) {
        var a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        String asked = ctx.queryParam("at");
        Instant at;
        try {
            at = asked == null || asked.isBlank() ? pages.self().clock().instant() : DateOrInstant.parse(asked);
        } catch (DomainException e) {
            pages.problem(ctx, 400, t.t("unc.badDate", asked), List.of());
            return;
        }
        Scenario scenario = pages.self().facts().scenario();
        List<SiteStatus> sites = SiteStatus.of(scenario, at);
        List<UncView.Line> lines = sites.stream().map(s -> line(t, s)).toList();
        // A site the scenario gives no position is in the table, not on the map.
        List<SiteMap.Marker> markers = sites.stream().filter(s -> s.site().point().isPresent())
                .map(s -> new SiteMap.Marker(name(t, s.site()), s.site().point().get(), s.covered(),
                        t.status(s.status()))).toList();
        Locale language = t.lang().locale();
        String map = SiteMap.svg(Region.shipped(), t.t("unc.map"), markers, language, MapOptions.defaults());
        pages.render(ctx, 200, "unc.jte", pages.page(ctx, a, "unc", "unc.title"), new UncView(
                LocalDate.ofInstant(at, ZoneOffset.UTC).toString(), t.date(at),
                sites.stream().filter(SiteStatus::covered).count(), lines, map));
    }

    private static UncView.Line line(Texts t, SiteStatus s) {
        Site site = s.site();
        String role = word(t, "siteRole.", site.role()) + site.since().map(d -> t.t("unc.since",
                t.date(d.atStartOfDay().toInstant(ZoneOffset.UTC)))).orElse("");
        String css = switch (s.status()) {
            case AgreementStatus.InForce f -> f.terminationEffective().isPresent() ? "st-pending" : "st-in-force";
            case AgreementStatus.Terminated x -> "st-terminated";
            default -> "st-not-in-force";
        };
        return new UncView.Line(name(t, site), word(t, "place.", site.location()), site.point().isPresent(),
                t.party(site.host()), role,
                s.agreement().id(), t.agreementName(s.agreement()), t.status(s.status()), s.status().code(), css);
    }

    /** A base's name as the viewer's language writes it where the bundle has it, else the scenario's. */
    private static String name(Texts t, Site site) {
        return word(t, "site.", site.name());
    }

    /** {@code site.camp-zama}, {@code place.okinawa}: the bundle's word for a scenario's text, or the text. */
    private static String word(Texts t, String prefix, String text) {
        String key = prefix + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return t.has(key) ? t.t(key) : text;
    }
}
