package trisec.node.consult;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import trisec.consult.Channel;
import trisec.consult.Meeting;
import trisec.consult.Rotation;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.person.Account;
import trisec.party.Party;

/**
 * The channels' meetings as iCalendar (RFC 5545), which desks subscribe to from their calendar clients: the
 * scenario's meetings on record, public and the same for everyone, and the meetings recorded on the node that the
 * person may read, of those only the records marked plain {@code UNCLASSIFIED} (no caveat, no Releasable To list): a
 * calendar file leaves the node for a calendar client and its servers, where no marking follows it, so nothing of a
 * classified or controlled record goes into one, not even its channel and date. Each meeting is an all-day event.
 * A meeting on record has a UID made of its channel and first day, the same on every node; one recorded on a node
 * has its record's id, which stays while its days change, with the record's revision as its sequence.
 */
public final class ChannelCalendar {
    /** RFC 5545 §8.1; UTF-8 is the format's default (§3.1.4) and said so for clients that look. */
    public static final String MEDIA_TYPE = "text/calendar; charset=utf-8";
    static final String PRODID = "-//trisec//Consultation channels//EN";
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * A meeting as the calendar shows it: its channel, its days (inclusive), where, a note, who hosts; its UID, its
     * sequence (how often it changed) and whether it is cancelled.
     */
    public record Event(String channelId, String channelName, LocalDate start, LocalDate end, String place,
                        String note, Optional<Party> host, String uid, int sequence, boolean cancelled) {
        public Event {
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("a meeting ends on or after the day it starts");
            }
        }

        /**
         * A meeting on record, whose UID is stable across fetches and nodes: the channel and the first day (a channel
         * meets once a day at most).
         */
        public Event(String channelId, String channelName, LocalDate start, LocalDate end, String place, String note,
                     Optional<Party> host) {
            this(channelId, channelName, start, end, place, note, host,
                    channelId + "-" + start.format(BASIC) + "@channels.trisec", 0, false);
        }
    }

    /** A calendar as written, and how many events it holds (for the audit of a subscription's fetch). */
    public record Written(String ics, int events) {}

    private final Self self;
    private final MeetingDesk meetings;

    public ChannelCalendar(Self self, MeetingDesk meetings) {
        this.self = self;
        this.meetings = meetings;
    }

    /** Every channel's meetings, as this person may see them. */
    public Written all(Account person) {
        var events = new ArrayList<Event>();
        self.facts().scenario().channels().forEach(c -> events.addAll(events(c)));
        events.addAll(recorded(person, Optional.empty(), events));
        return new Written(ics("Trilateral consultation channels", events, self.clock().instant()), events.size());
    }

    /** One channel's meetings, as this person may see them; an id the scenario does not name is not found. */
    public Written channel(Account person, String id) {
        Channel c = self.facts().scenario().channels().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> Refusal.notFound("no consultation channel \"" + (id.length() > 40
                        ? id.substring(0, 40) + "…" : id) + "\" in the scenario; GET /api/v1/channels lists them"));
        var events = new ArrayList<>(events(c));
        events.addAll(recorded(person, Optional.of(c), events));
        return new Written(ics(c.name(), events, self.clock().instant()), events.size());
    }

    /**
     * The meetings recorded on this node that the person may read, plain {@code UNCLASSIFIED} records only, except
     * those the scenario already lists (the same channel and first day: the record on file is the public one).
     */
    private List<Event> recorded(Account person, Optional<Channel> only, List<Event> onRecord) {
        var taken = new java.util.HashSet<String>();
        onRecord.forEach(e -> taken.add(e.channelId() + " " + e.start()));
        var names = new java.util.HashMap<String, String>();
        self.facts().scenario().channels().forEach(c -> names.put(c.id(), c.name()));
        return meetings.list(person).stream()
                .filter(s -> plainUnclassified(s.item().label()))
                .map(MeetingDesk.Seen::meeting)
                .filter(m -> only.map(c -> c.id().equals(m.channel())).orElse(true) && names.containsKey(m.channel()))
                .filter(m -> !taken.contains(m.channel() + " " + m.start()))
                .map(m -> new Event(m.channel(), names.get(m.channel()), m.start(), m.end(), m.place(), "", m.host(),
                        m.id() + "@meetings.trisec", m.revision() - 1,
                        m.state() == trisec.consult.MeetingRecord.State.CANCELLED))
                .toList();
    }

    private static boolean plainUnclassified(trisec.label.ConfidentialityLabel label) {
        return label.level().isUnclassified() && label.caveats().isEmpty() && label.releasableTo().isEmpty();
    }

    /** A channel's meetings on record, each with the host its rotation gives on its first day. */
    public static List<Event> events(Channel c) {
        return c.meetings().stream().map(m -> event(c, m)).toList();
    }

    private static Event event(Channel c, Meeting m) {
        return new Event(c.id(), c.name(), m.start(), m.end(), m.place(), m.note(), Rotation.hostOn(c, m.start()));
    }

    /**
     * The calendar of these meetings, in date order: each an all-day event (DATE values, DTEND the day after the
     * last, exclusive as RFC 5545 §3.6.1 has it), stamped {@code stamp}, written with CRLF and folded lines.
     */
    public static String ics(String name, List<Event> events, Instant stamp) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        // The calendar's name (RFC 7986 §5.1, and the older X-WR-CALNAME many clients still read), and how often a
        // subscriber should fetch it again (RFC 7986 §5.7).
        calendar.add(new Name(name));
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), Period.ofDays(1)));
        for (Event e : events.stream().sorted(Comparator.comparing(Event::start).thenComparing(Event::channelId)
                .thenComparing(Event::uid))
                .toList()) {
            VEvent v = new VEvent(false);
            v.add(new Uid(e.uid()));
            v.add(new DtStamp(stamp));
            v.add(new DtStart<>(e.start()));
            v.add(new DtEnd<>(e.end().plusDays(1)));
            v.add(new Summary(e.note().isBlank() ? e.channelName() : e.channelName() + " (" + e.note() + ")"));
            if (!e.place().isBlank()) {
                v.add(new Location(e.place()));
            }
            e.host().ifPresent(h -> v.add(new Description("Host: " + h.code())));
            if (e.sequence() > 0) {
                v.add(new Sequence(e.sequence()));
            }
            if (e.cancelled()) {
                v.add(ImmutableStatus.VEVENT_CANCELLED);
            }
            Categories categories = new Categories();
            categories.addCategory("Trilateral consultation");
            categories.addCategory(e.channelId());
            v.add(categories);
            calendar.add(v);
        }
        var out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("cannot write the channels' calendar: " + e.getMessage(), e);
        }
        return folded(out.toString());
    }

    /**
     * Lines folded at 75 octets, as RFC 5545 §3.1 asks, never inside a character: ical4j folds at 75 characters,
     * which a line in Korean or Japanese exceeds threefold. ical4j's folds are undone first.
     */
    static String folded(String ics) {
        var out = new StringBuilder(ics.length() + ics.length() / 50);
        for (String line : ics.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + size > 75) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
