package trisec.node.api;

import java.security.PublicKey;
import java.util.List;
import trisec.node.agreement.AgreementDesk;
import trisec.node.consult.ChannelCalendar;
import trisec.node.consult.DialogueHealth;
import trisec.node.consult.PerspectiveRegister;
import trisec.node.base.Self;
import trisec.node.consent.ConsentDesk;
import trisec.node.consult.StatementDesk;
import trisec.node.consult.MeetingDesk;
import trisec.node.federation.Reception;
import trisec.node.http.RouteGroup;
import trisec.node.item.Holdings;
import trisec.node.log.AuditLog;
import trisec.node.log.Witness;
import trisec.node.person.CalendarSubscriptions;
import trisec.node.person.Sessions;
import trisec.node.release.AuthorityDesk;
import trisec.node.release.Decisions;
import trisec.node.warning.WarningDesk;
import trisec.node.release.Disclosures;

/** The API's route groups, one per feature, built from the services they call: the wiring's one way in. */
public final class Api {
    private Api() {}

    /** What the route groups call. {@code logOrigin} and {@code logKey} name and verify this node's log. */
    public record Services(Self self, Sessions sessions, Holdings holdings, Disclosures disclosures,
                           Decisions decisions, ConsentDesk consents, AgreementDesk agreements, AuditLog auditLog,
                           Witness witness, Reception reception, String logOrigin, PublicKey logKey,
                           AuthorityDesk authorities, WarningDesk warnings,
                           StatementDesk statements, MeetingDesk meetings) {}

    public static List<RouteGroup> routes(Services s) {
        return List.of(new PersonRoutes(s.self(), s.sessions()), new ItemRoutes(s.holdings()),
                new ReleaseRoutes(s.self(), s.disclosures(), s.decisions()), new ConsentRoutes(s.self(), s.consents()),
                new AgreementRoutes(s.self(), s.agreements()), new LogRoutes(s.self(), s.auditLog(), s.witness()),
                new FederationRoutes(s.self(), s.reception(), s.logOrigin(), s.logKey()),
                new AuthorityRoutes(s.self(), s.authorities(), s.holdings()), new WarningRoutes(s.warnings()),
                new StatementRoutes(s.statements()), new MeetingRoutes(s.meetings()));
    }

    /** Commitment-to-Consult consultations. */
    public static List<RouteGroup> consultations(trisec.node.consult.ConsultationDesk desk) {
        return List.of(new ConsultationRoutes(desk));
    }

    /**
     * The consultation channels' health and their calendars (by bearer token or a person's calendar subscription).
     * The calendars come first: {@code /api/v1/channels/calendar.ics} is matched before {@code /api/v1/channels/{id}}.
     */
    public static List<RouteGroup> dialogue(DialogueHealth health, ChannelCalendar calendar,
                                            CalendarSubscriptions subscriptions) {
        return List.of(new CalendarRoutes(calendar, subscriptions), new ChannelRoutes(health));
    }

    /**
     * Options: hypothetical changes saved as items, their pictures and comparisons, and the UN Command–Rear's bases
     * as they stand or under an option (docs/OPTIONS.md).
     */
    public static List<RouteGroup> options(Self self, trisec.node.option.OptionDesk desk) {
        return List.of(new OptionRoutes(desk), new UncRoutes(self, desk));
    }

    /** Interchange: an item as a STIX 2.1 bundle and as its label bound to its payload (docs/INTEROP.md). */
    public static List<RouteGroup> interop(trisec.node.interop.Exports exports) {
        return List.of(new InteropRoutes(exports));
    }

    /** The TAXII 2.1 server, every answer filtered for its requester (docs/INTEROP.md). */
    public static List<RouteGroup> taxii(trisec.node.interop.taxii.TaxiiServer taxii) {
        return List.of(new TaxiiRoutes(taxii));
    }

    /**
     * Interchange: a STIX 2.1 bundle imported into items, and the originator's confirmation a partner importing this
     * node's items asks for (docs/INTEROP.md, "STIX import").
     */
    public static List<RouteGroup> stixImport(trisec.node.interop.Imports imports,
                                              trisec.node.interop.Confirmations confirmations) {
        return List.of(new StixImportRoutes(imports), new CopyRoutes(confirmations));
    }

    /** The perspectives register, which reads and records assessments as items. */
    public static List<RouteGroup> perspectives(PerspectiveRegister register) {
        return List.of(new PerspectiveRoutes(register));
    }
}
