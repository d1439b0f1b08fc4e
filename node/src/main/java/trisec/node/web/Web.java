package trisec.node.web;

import java.util.List;
import trisec.node.agreement.AgreementDesk;
import trisec.node.consent.ConsentDesk;
import trisec.node.consult.DialogueHealth;
import trisec.node.consult.StatementDesk;
import trisec.node.consult.MeetingDesk;
import trisec.node.consult.PerspectiveRegister;
import trisec.node.http.RouteGroup;
import trisec.node.item.Holdings;
import trisec.node.log.AuditLog;
import trisec.node.person.CalendarSubscriptions;
import trisec.node.release.Disclosures;
import trisec.node.warning.WarningDesk;

/** The pages' route groups, one per feature, on the shared page kit: the wiring's one way in. */
public final class Web {
    private Web() {}

    public static List<RouteGroup> pages(Pages pages, Holdings holdings, Disclosures disclosures,
                                         ConsentDesk consents, AgreementDesk agreements, AuditLog auditLog,
                                         WarningDesk warnings, StatementDesk statements,
                                         MeetingDesk meetings, CalendarSubscriptions calendars) {
        return List.of(new DashboardPages(pages, holdings, disclosures, consents, auditLog),
                new ItemPages(pages, holdings, auditLog), new ReleasePages(pages, holdings, disclosures),
                new ConsentPages(pages, consents), new AgreementPages(pages), new PersonPages(pages, calendars),
                new AdminPages(pages, agreements, calendars), new WarningPages(pages, warnings),
                new StatementPages(pages, statements), new MeetingPages(pages, meetings));
    }

    /** The Commitment-to-Consult pages. */
    public static List<RouteGroup> consultations(Pages pages, trisec.node.consult.ConsultationDesk desk) {
        return List.of(new ConsultationPages(pages, desk));
    }

    /** The dialogue's health page. */
    public static List<RouteGroup> dialogue(Pages pages, DialogueHealth health) {
        return List.of(new DialoguePages(pages, health));
    }

    /** The item page's downloads: the item as a STIX 2.1 bundle and as its label bound to its payload. */
    public static List<RouteGroup> interop(Pages pages, trisec.node.interop.Exports exports) {
        return List.of(new InteropPages(pages, exports));
    }

    /**
     * The options pages: the list and form, an option's picture, options side by side; and the UN Command–Rear's
     * bases, as they stand or under an option.
     */
    public static List<RouteGroup> options(Pages pages, trisec.node.option.OptionDesk desk) {
        return List.of(new OptionPages(pages, desk), new UncPages(pages, desk));
    }

    /** The perspectives register's page. */
    public static List<RouteGroup> perspectives(Pages pages, PerspectiveRegister register) {
        return List.of(new PerspectivePages(pages, register));
    }
}
