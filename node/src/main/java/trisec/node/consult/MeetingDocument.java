package trisec.node.consult;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trisec.DomainException;
import trisec.consult.MeetingRecord;
import trisec.consult.MeetingRecord.ActionItem;
import trisec.consult.MeetingRecord.ActionStatus;
import trisec.consult.MeetingRecord.AgendaItem;
import trisec.consult.Track;
import trisec.node.base.Json;
import trisec.party.Party;
import trisec.scenario.Scenario;

/**
 * A meeting record as an item's body carries it and the API shows it, and a classified annex to a meeting: typed
 * JSON, read strictly. A body is a meeting only when it says so ({@code trisecMeeting}) and its recording party is
 * the item's originator (only that party speaks for its record); an annex likewise ({@code trisecMeetingAnnex}).
 */
public final class MeetingDocument {
    static final int FORMAT = 1;

    private MeetingDocument() {}

    public record Doc(Integer trisecMeeting, String id, String channel, String recordedBy, Integer revision,
                      String start, String end, String place, String host, Map<String, List<String>> participants,
                      List<AgendaDoc> agenda, String state, List<String> outcomes, List<ActionDoc> actions,
                      String cancellation) {}

    public record AgendaDoc(String title, String track) {}

    public record ActionDoc(Integer number, String owner, String due, String task, String status, String followUp) {}

    /** A separate item under its own label, linked to its meeting by id: text only the agreements let go. */
    public record AnnexDoc(Integer trisecMeetingAnnex, String meeting, String recordedBy, String text) {}

    /**
     * A partner's report on an action item its party owns in another party's record: a separate item of the
     * reporting party, since only the recording party speaks for the record. {@code status} is absent when unchanged.
     */
    public record ReportDoc(Integer trisecMeetingReport, String meeting, String reportedBy, Integer number,
                            String status, String followUp) {}

    public static Doc of(MeetingRecord m) {
        var participants = new LinkedHashMap<String, List<String>>();
        m.participants().forEach((p, names) -> participants.put(p.code(), names));
        return new Doc(FORMAT, m.id(), m.channel(), m.recordedBy().code(), m.revision(), m.start().toString(),
                m.end().toString(), m.place(), m.host().map(Party::code).orElse(null), participants,
                m.agenda().stream().map(a -> new AgendaDoc(a.title(), a.track().id())).toList(),
                m.state().name(), m.outcomes(), m.actions().stream().map(a -> new ActionDoc(a.number(),
                a.owner().code(), a.due().toString(), a.task(), a.status().name(), a.followUp().orElse(null)))
                .toList(), m.cancellation().orElse(null));
    }

    /** Whether the item is a meeting record of its originator's (its kind, for interchange). */
    public static boolean isRecord(trisec.item.Item item, Scenario scenario) {
        return carried(item.originator(), item.body(), scenario).isPresent();
    }

    /** Whether the item is an annex to a meeting of its originator's. */
    public static boolean isAnnex(trisec.item.Item item) {
        return annex(item.originator(), item.body()).isPresent();
    }

    /** Whether the item is its originator's report on an action item in another party's record. */
    public static boolean isReport(trisec.item.Item item) {
        return report(item.originator(), item.body()).isPresent();
    }

    /** The record a body carries, when it is one of its originator's. */
    static Optional<MeetingRecord> carried(Party originator, String body, Scenario scenario) {
        try {
            MeetingRecord m = record(Json.read(body, Doc.class), scenario);
            return m.recordedBy().equals(originator) && m.id().startsWith(originator.code() + "-")
                    ? Optional.of(m) : Optional.empty();
        } catch (RuntimeException notAMeeting) {
            return Optional.empty();
        }
    }

    static Optional<AnnexDoc> annex(Party originator, String body) {
        try {
            AnnexDoc a = Json.read(body, AnnexDoc.class);
            return a.trisecMeetingAnnex() != null && a.trisecMeetingAnnex() == FORMAT && a.meeting() != null
                    && originator.code().equals(a.recordedBy()) && a.meeting().startsWith(originator.code() + "-")
                    ? Optional.of(a) : Optional.empty();
        } catch (RuntimeException notAnAnnex) {
            return Optional.empty();
        }
    }

    /** A report a body carries, when its originator is the party it names and the meeting is another's. */
    static Optional<ReportDoc> report(Party originator, String body) {
        try {
            ReportDoc r = Json.read(body, ReportDoc.class);
            return r.trisecMeetingReport() != null && r.trisecMeetingReport() == FORMAT && r.meeting() != null
                    && r.number() != null && originator.code().equals(r.reportedBy())
                    && !r.meeting().startsWith(originator.code() + "-") && r.followUp() != null
                    && (r.status() == null || validStatus(r.status())) ? Optional.of(r) : Optional.empty();
        } catch (RuntimeException notAReport) {
            return Optional.empty();
        }
    }

    private static boolean validStatus(String text) {
        try {
            status(text);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    /** @throws DomainException naming what is missing or wrong */
    static MeetingRecord record(Doc d, Scenario scenario) {
        if (d == null || d.trisecMeeting() == null || d.trisecMeeting() != FORMAT) {
            throw new DomainException("not a meeting record (trisecMeeting " + FORMAT + ")");
        }
        var participants = new LinkedHashMap<Party, List<String>>();
        if (d.participants() != null) {
            d.participants().forEach((code, names) -> participants.put(scenario.party(code),
                    names == null ? List.of() : names));
        }
        MeetingRecord.State state;
        try {
            state = MeetingRecord.State.valueOf(required("state", d.state()));
        } catch (IllegalArgumentException e) {
            throw new DomainException("state is PLANNED, HELD or CANCELLED, got '" + d.state() + "'");
        }
        return new MeetingRecord(d.id(), d.channel(), scenario.party(required("recordedBy", d.recordedBy())),
                required("revision", d.revision()), date("start", d.start()), date("end", d.end()), d.place(),
                Optional.ofNullable(d.host()).map(scenario::party), participants, agenda(d.agenda()), state,
                d.outcomes() == null ? List.of() : d.outcomes(), d.actions() == null ? List.of()
                : d.actions().stream().map(a -> action(a, scenario)).toList(), Optional.ofNullable(d.cancellation()));
    }

    static List<AgendaItem> agenda(List<AgendaDoc> agenda) {
        if (agenda == null) {
            return List.of();
        }
        return agenda.stream().map(a -> {
            if (a == null) {
                throw new DomainException("an agenda item is an object with a title and a track");
            }
            return new AgendaItem(a.title() == null ? null : a.title().strip(), Track.parse(a.track()));
        }).toList();
    }

    private static ActionItem action(ActionDoc a, Scenario scenario) {
        return new ActionItem(required("number", a.number()), scenario.party(required("owner", a.owner())),
                date("due", a.due()), a.task(), status(a.status()), Optional.ofNullable(a.followUp()));
    }

    static ActionStatus status(String text) {
        try {
            return ActionStatus.valueOf(required("status", text).strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException("status is OPEN, DONE or DROPPED, got '" + text + "'");
        }
    }

    /** @throws DomainException unless an ISO date such as 2025-07-28 */
    static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(required(field, text));
        } catch (DateTimeParseException e) {
            throw new DomainException(field + " is a date such as 2025-07-28, got '" + text + "'");
        }
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new DomainException(field + " is required");
        }
        return value;
    }
}
