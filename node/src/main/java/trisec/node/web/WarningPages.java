package trisec.node.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import trisec.geo.Region;
import trisec.geo.map.WarningMap;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.item.Holdings;
import trisec.node.person.Account;
import trisec.node.warning.WarningDesk;
import trisec.party.Party;

/**
 * The warnings page: a map of the region with every warning the person may read (launch point, ground track,
 * impact ellipse, T+ marks, each party's track in its own colour, sea names in the viewer's language) and a table
 * of them; kept current over the page's event stream. A warning the person may not read leaves no trace here.
 */
final class WarningPages implements RouteGroup {
    private final Pages pages;
    private final WarningDesk warnings;

    WarningPages(Pages pages, WarningDesk warnings) {
        this.pages = pages;
        this.warnings = warnings;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/ui/warnings", this::page, Access.SIGNED_IN);
        r.get("/ui/warnings/fragment", this::fragment, Access.SIGNED_IN);
        r.post("/ui/warnings/{party}/{track}/acknowledge", this::acknowledge, Access.SIGNED_IN);
    }

    /** A watch officer acknowledges a partner's warning; the originator is told and sees who acknowledged when. */
    private void acknowledge(Context ctx) {
        pages.requireForm(ctx);
        warnings.acknowledge(pages.account(ctx), ctx.pathParam("party"), ctx.pathParam("track"));
        ctx.redirect("/ui/warnings");
    }

    private void page(Context ctx) {
        Account a = pages.account(ctx);
        List<WarningDesk.Seen> seen = warnings.list(a);
        Page p = pages.page(ctx, a, "warnings", "warnings.title").showing(shown(seen));
        pages.render(ctx, 200, "warnings.jte", p, model(pages.texts(ctx), seen));
    }

    private void fragment(Context ctx) {
        Account a = pages.account(ctx);
        List<WarningDesk.Seen> seen = warnings.list(a);
        Page p = pages.page(ctx, a, "warnings", "warnings.title").showing(shown(seen));
        ctx.contentType("text/html; charset=utf-8").result(pages.html("fragment/warnings.jte", p,
                model(pages.texts(ctx), seen)) + pages.html("fragment/marking.jte", p, null));
    }

    private static List<Marking.Shown> shown(List<WarningDesk.Seen> seen) {
        return Pages.shownAll(seen.stream().map(WarningDesk.Seen::item).toList());
    }

    private Models.Warnings model(Texts t, List<WarningDesk.Seen> seen) {
        Locale language = t.lang().locale();
        Party self = pages.self().party();
        String map = WarningMap.svg(Region.shipped(), seen.stream().map(WarningDesk.Seen::warning).toList(), language);
        Map<String, List<WarningDesk.Acknowledgement>> acknowledged = warnings.acknowledgements(seen);
        List<Models.WarningLine> lines = seen.stream().map(s -> {
            var w = s.warning();
            var impact = w.current().flight().impactPoint();
            Holdings.View v = s.item();
            List<WarningDesk.Acknowledgement> acks = acknowledged.getOrDefault(
                    WarningDesk.key(w.detectingParty(), w.track().value()), List.of());
            boolean partners = !w.detectingParty().equals(self);
            Optional<String> acknowledge = partners && acks.stream().noneMatch(ack -> ack.by().equals(self))
                    ? Optional.of("/ui/warnings/" + w.detectingParty().code() + "/" + w.track().value()
                    + "/acknowledge") : Optional.empty();
            return new Models.WarningLine(w.detectingParty().code() + "/" + w.track().value(), v.item().id(),
                    t.partyCode(w.detectingParty().code()), w.track().value(),
                    t.t(w.isOpen() ? "warnings.open" : "warnings.closed"), t.dateTime(w.detection().at()),
                    impact.toString(), codes(t, s.geography().overflown()),
                    codes(t, s.geography().within200NmOfCoast()), pages.marking(List.of(v)).banner(),
                    pages.marking(List.of(v)).css(), acks.stream().map(ack -> t.partyCode(ack.by().code()) + " "
                    + t.dateTime(ack.at())).toList(), acknowledge);
        }).toList();
        return new Models.Warnings(map, lines);
    }

    private static String codes(Texts t, java.util.Set<Party> parties) {
        return String.join(", ", parties.stream().map(p -> t.partyCode(p.code())).toList());
    }
}
