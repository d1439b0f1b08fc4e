package trisec.node.web;

import java.util.List;
import java.util.Optional;

/** What the templates show: plain values, already in the viewer's language. */
public final class Models {
    private Models() {}

    public record Option(String value, String label, boolean selected) {}

    public record ItemLine(String id, String title, String banner, String css, String marking, String from,
                           String received) {}

    public record ReleaseLine(String id, String itemId, String recipient, String route, String status,
                              String statusCode, String requestedBy, String requested) {}

    public record ConsentLine(String id, String itemId, String holder, String recipient, String requested) {}

    public record AgreementLine(String id, String name, String kind, String parties, String status, String css) {}

    public record Dashboard(List<ItemLine> inbox, List<ItemLine> items, List<ReleaseLine> outbox,
                            List<ReleaseLine> approvals, boolean approver, List<ConsentLine> consents,
                            boolean consentDecider, List<AgreementLine> agreements, String checkpoint,
                            List<String> witnesses, String cosigned, String notice) {}

    public record Field(String label, String value) {}

    public record HistoryLine(long index, String time, String type, String actor, String detail) {}

    public record ReleaseInfo(String recipient, String route, String basis, String recipientMarking, String status,
                              String receipt, String refusal) {}

    public record ItemView(String id, String title, String body, String banner, String css, List<Field> fields,
                           List<String> access, List<ReleaseInfo> releases, List<HistoryLine> history,
                           boolean mayRelease, boolean mayRetract, List<Option> recipients) {}

    public record Compose(List<Option> levels, List<Option> parties, List<Option> caveats, String topic, String title,
                          String body, String error) {}

    public record Decision(String verdict, String verdictCode, String route, String basis, String recipientLevel,
                           List<String> reasons) {}

    public record Release(String itemId, String itemTitle, List<Option> recipients, String to, Decision decision,
                          boolean mayConfirm, String done) {}

    /** An event's mark at (x, y); its name drawn at labelY (none when negative), anchored start or end. */
    public record TimelineEvent(double x, double y, String label, String date, String css, double labelY,
                                String anchor) {}

    public record TimelineTick(double x, String label) {}

    public record TimelineBar(double x1, double x2, double y, String css) {}

    public record TimelineRow(String id, String name, String shortName, double y, double barY, List<TimelineBar> bars,
                              List<TimelineEvent> events) {}

    /** One scale of the timeline: its title, where it starts and how tall it is, its years, the chosen date. */
    public record TimelineSection(String title, double top, double height, List<TimelineTick> ticks, double atX,
                                  List<TimelineRow> rows) {}

    public record Agreements(String at, List<AgreementLine> lines, List<TimelineSection> sections, double width,
                             double height) {}

    /**
     * Who I am, my calendar subscriptions, and the address of one just made ({@code address}, shown this once;
     * empty otherwise).
     */
    public record Me(List<Field> fields, List<CalendarLine> calendars, String address, String notice) {}

    /** A live calendar subscription: never its secret. */
    public record CalendarLine(String id, String username, String label, String created, String lastFetched) {}

    public record PersonLine(String id, String username, String clearance, String needToKnow, String roles,
                             boolean disabled) {}

    public record Admin(List<PersonLine> persons, List<Option> levels, List<Option> roles, List<Option> agreements,
                        List<Option> eventTypes, List<CalendarLine> calendars, String notice) {}

    public record Problem(String status, String message, List<String> reasons) {}

    /** The warnings page: the map (SVG, made and escaped by the geo module) and one line per warning. */
    public record Warnings(String map, List<WarningLine> lines) {}

    /**
     * A warning as the page lists it: who detected it, its track, its state, what it means on the ground, who
     * acknowledged it when (every partner at the originator, this party elsewhere), and where this party's watch
     * officer acknowledges it while nobody here has.
     */
    public record WarningLine(String key, String itemId, String party, String track, String status, String detected,
                              String impact, String overflies, String within200Nm, String banner, String css,
                              List<String> acknowledgements, Optional<String> acknowledgePath) {}
}
