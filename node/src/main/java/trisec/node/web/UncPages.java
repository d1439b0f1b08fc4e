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
import trisec.node.option.OptionDesk;
import trisec.scenario.Site;
import trisec.scenario.SiteStatus;

/**
 * UN Command–Rear: the scenario's sites (the seven UN-flagged bases in Japan) on the region map of the warnings
 * page (those the scenario gives a position; the others are in the table only), and a table of each base's location,
 * host, role, agreement and that agreement's status on any date. With {@code option=ID}, a saved option the viewer may
 * read: beside each status the status under the option, the map drawn under it, and the page marked as the option
 * is. The statuses come from core's {@link SiteStatus}, on the node's facts and on the option's copy of them alike.
 */
final class UncPages implements RouteGroup {
    private final Pages pages;
    private final OptionDesk options;

    UncPages(Pages pages, OptionDesk options) {
        this.pages = pages;
        this.options = options;
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
        String id = ctx.queryParam("option");
        List<SiteStatus> sites;
        List<SiteStatus> under = List.of();
        UncView.Under option = null;
        Page page = pages.page(ctx, a, "unc", "unc.title");
        if (id == null) {
            sites = SiteStatus.of(pages.self().facts().scenario(), at);
        } else {
            // No such option and one the viewer may not read are the same 404: nothing about it leaks.
            OptionDesk.Applied applied = options.under(a, id);
            sites = SiteStatus.of(applied.real(), at);
            under = SiteStatus.of(applied.changed(), at);
            var m = pages.marking(List.of(applied.option().item()));
            option = new UncView.Under(applied.option().id(), applied.option().name(), m.banner(), m.css(),
                    under.stream().filter(SiteStatus::covered).count());
            page = page.showing(Pages.shownAll(List.of(applied.option().item())));
        }
        var lines = new java.util.ArrayList<UncView.Line>();
        for (SiteStatus s : sites) {
            SiteStatus u = s.in(under).orElse(null);
            lines.add(line(t, s, u));
        }
        // Under an option, the map shows the bases as the option leaves them; the table has both. A site the
        // scenario gives no position is in the table, not on the map.
        List<SiteStatus> drawn = option == null ? sites : under;
        List<SiteMap.Marker> markers = drawn.stream().filter(s -> s.site().point().isPresent())
                .map(s -> new SiteMap.Marker(name(t, s.site()), s.site().point().get(), s.covered(),
                        t.status(s.status()))).toList();
        Locale language = t.lang().locale();
        String map = SiteMap.svg(Region.shipped(), option == null ? t.t("unc.map") : t.t("unc.map.option",
                option.name()), markers, language, MapOptions.defaults());
        pages.render(ctx, 200, "unc.jte", page, new UncView(LocalDate.ofInstant(at, ZoneOffset.UTC).toString(),
                t.date(at), sites.stream().filter(SiteStatus::covered).count(), lines, map, option));
    }

    /** A base's row; {@code under} its status under the option, or null. */
    private static UncView.Line line(Texts t, SiteStatus s, SiteStatus under) {
        Site site = s.site();
        String role = word(t, "siteRole.", site.role()) + site.since().map(d -> t.t("unc.since",
                t.date(d.atStartOfDay().toInstant(ZoneOffset.UTC)))).orElse("");
        return new UncView.Line(name(t, site), word(t, "place.", site.location()), site.point().isPresent(),
                t.party(site.host()), role,
                s.agreement().id(), t.agreementName(s.agreement()), t.status(s.status()), s.status().code(),
                css(s.status()), under == null ? "" : t.status(under.status()),
                under == null ? "" : under.status().code(), under == null ? "" : css(under.status()),
                under != null && !under.status().equals(s.status()));
    }

    private static String css(AgreementStatus status) {
        return switch (status) {
            case AgreementStatus.InForce f -> f.terminationEffective().isPresent() ? "st-pending" : "st-in-force";
            case AgreementStatus.Terminated x -> "st-terminated";
            default -> "st-not-in-force";
        };
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
