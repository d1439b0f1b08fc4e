package trisec.consult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trisec.DateBounds;
import trisec.DomainException;
import trisec.party.Party;

/**
 * The record of one meeting of a channel, as its recording party keeps it: when and where, who hosts (the channel's
 * rotation on the first day), who takes part for each party, the agenda by track, and once held its outcomes and
 * action items. A record only moves forward: planned, then held or cancelled; action items come out of a held
 * meeting. Each change is a new record with a higher {@code revision}, so whoever holds the highest holds all of it.
 *
 * @param recordedBy the party whose node keeps the record and alone changes it
 */
public record MeetingRecord(String id, String channel, Party recordedBy, int revision, LocalDate start,
                            LocalDate end, String place, Optional<Party> host, Map<Party, List<String>> participants,
                            List<AgendaItem> agenda, State state, List<String> outcomes, List<ActionItem> actions,
                            Optional<String> cancellation) {

    public enum State { PLANNED, HELD, CANCELLED }

    public enum ActionStatus { OPEN, DONE, DROPPED }

    public record AgendaItem(String title, Track track) {
        public AgendaItem {
            text("agenda item title", title, 500);
            if (track == null) {
                throw new DomainException("agenda item '" + title + "' needs a track");
            }
        }
    }

    /** What a party undertook at a meeting, by when, how it stands, and what was done about it since. */
    public record ActionItem(int number, Party owner, LocalDate due, String task, ActionStatus status,
                             Optional<String> followUp) {
        public ActionItem {
            text("action item task", task, 2_000);
            if (owner == null || due == null || status == null) {
                throw new DomainException("an action item needs an owner party, a due date and a status");
            }
            inRange("an action item's due date", due);
            followUp.ifPresent(f -> text("follow-up", f, 2_000));
        }
    }

    /** A record names only the days trisec reckons with ({@link DateBounds}). */
    private static void inRange(String what, LocalDate day) {
        if (!DateBounds.contains(day)) {
            throw new DomainException(what + " is between " + DateBounds.EARLIEST + " and " + DateBounds.LATEST
                    + ", not " + day);
        }
    }

    public MeetingRecord {
        text("meeting id", id, 100);
        text("channel", channel, 100);
        text("place", place, 200);
        if (start == null || end == null) {
            throw new DomainException("a meeting needs a start date and an end date");
        }
        inRange("a meeting's first day", start);
        inRange("a meeting's last day", end);
        if (end.isBefore(start)) {
            throw new DomainException("a meeting ends on or after the day it starts: " + end + " is before " + start);
        }
        if (revision < 1) {
            throw new DomainException("revision is 1 or more");
        }
        var copy = new LinkedHashMap<Party, List<String>>();
        participants.forEach((party, names) -> {
            names.forEach(n -> text("participant of " + party, n, 200));
            copy.put(party, List.copyOf(names));
        });
        participants = java.util.Collections.unmodifiableMap(copy);
        agenda = List.copyOf(agenda);
        // Each checked before the copy, which refuses a null with an exception that names nothing.
        outcomes.forEach(o -> text("outcome", o, 5_000));
        outcomes = List.copyOf(outcomes);
        actions = List.copyOf(actions);
        if (state != State.HELD && (!outcomes.isEmpty() || !actions.isEmpty())) {
            throw new DomainException("only a held meeting has outcomes and action items");
        }
        if (cancellation.isPresent() != (state == State.CANCELLED)) {
            throw new DomainException("a cancelled meeting, and only one, says why it was cancelled");
        }
    }

    /**
     * A new meeting of {@code c}. The host is the rotation's on the first day; a host named that differs from it is
     * refused (the rotation is what the parties agreed; a swap is agreed by changing it, not by one record). A
     * channel without a rotation, or before its rotation began, is hosted by whoever is named, or by no one.
     *
     * @param parties the channel's parties: hosts and participants are among them
     */
    public static MeetingRecord plan(String id, Channel c, Set<Party> parties, Party recordedBy, LocalDate start,
                                     LocalDate end, String place, Optional<Party> host,
                                     Map<Party, List<String>> participants, List<AgendaItem> agenda) {
        if (start == null) {
            throw new DomainException("a meeting needs a start date");
        }
        Optional<Party> turn = Rotation.hostOn(c, start);
        if (turn.isPresent() && host.isPresent() && !turn.equals(host)) {
            throw new DomainException("on " + start + " the " + c.id() + " channel is hosted by " + turn.get()
                    + " (rotation " + String.join(" → ", c.rotation().stream().map(Party::code).toList()) + " from "
                    + Rotation.start(c).orElseThrow() + "), not " + host.get());
        }
        Optional<Party> chosen = turn.or(() -> host);
        chosen.ifPresent(h -> among(parties, h, "the host"));
        participants.keySet().forEach(p -> among(parties, p, "a participant's party"));
        return new MeetingRecord(id, c.id(), recordedBy, 1, start, end == null ? start : end, place, chosen,
                participants, agenda, State.PLANNED, List.of(), List.of(), Optional.empty());
    }

    /**
     * The plan changed: a new first day, last day or place (each absent keeps the record's; a new first day without
     * a new last day keeps the meeting's length). Only a planned meeting moves: a held one is history and a cancelled
     * one is over. The host is the rotation's on the new first day (a move across a turn changes it, as planning there
     * would have); where the rotation says nothing, the host stays.
     */
    public MeetingRecord rescheduled(Channel c, LocalDate newStart, LocalDate newEnd, String newPlace) {
        requireState(State.PLANNED, "rescheduled");
        if (!c.id().equals(channel)) {
            throw new DomainException("this meeting is of the " + channel + " channel, not " + c.id());
        }
        LocalDate s = newStart == null ? start : newStart;
        inRange("a meeting's first day", s);
        LocalDate e = newEnd != null ? newEnd : s.plusDays(java.time.temporal.ChronoUnit.DAYS.between(start, end));
        String p = newPlace == null ? place : newPlace.strip();
        if (s.equals(start) && e.equals(end) && p.equals(place)) {
            throw new DomainException("nothing to change: the meeting is already from " + start + " to " + end
                    + " at " + place);
        }
        return new MeetingRecord(id, channel, recordedBy, revision + 1, s, e, p, Rotation.hostOn(c, s).or(() -> host),
                participants, agenda, state, outcomes, actions, cancellation);
    }

    /** The meeting took place: on or after its first day, with what came of it. */
    public MeetingRecord held(LocalDate today, List<String> outcomes) {
        requireState(State.PLANNED, "held");
        if (today.isBefore(start)) {
            throw new DomainException("a meeting is held on or after its first day, " + start + "; today is " + today);
        }
        return with(State.HELD, outcomes, actions, Optional.empty());
    }

    public MeetingRecord cancelled(String reason) {
        requireState(State.PLANNED, "cancelled");
        text("reason", reason, 2_000);
        return with(State.CANCELLED, outcomes, actions, Optional.of(reason.strip()));
    }

    /** An action item out of the held meeting, owned by one of the channel's parties; numbered from 1. */
    public MeetingRecord withAction(Set<Party> parties, Party owner, LocalDate due, String task) {
        requireState(State.HELD, "given action items");
        among(parties, owner, "an action item's owner");
        var all = new ArrayList<>(actions);
        all.add(new ActionItem(actions.size() + 1, owner, due, task == null ? null : task.strip(), ActionStatus.OPEN,
                Optional.empty()));
        return with(state, outcomes, all, cancellation);
    }

    /** How action item {@code number} stands now, and what was done about it. */
    public MeetingRecord withFollowUp(int number, ActionStatus status, Optional<String> followUp) {
        requireState(State.HELD, "given action items");
        if (number < 1 || number > actions.size()) {
            throw new DomainException("no action item " + number + " in this meeting (it has " + actions.size() + ")");
        }
        var all = new ArrayList<>(actions);
        ActionItem a = all.get(number - 1);
        all.set(number - 1, new ActionItem(number, a.owner(), a.due(), a.task(), status == null ? a.status() : status,
                followUp.map(String::strip).or(a::followUp)));
        return with(state, outcomes, all, cancellation);
    }

    private MeetingRecord with(State s, List<String> outs, List<ActionItem> acts, Optional<String> why) {
        return new MeetingRecord(id, channel, recordedBy, revision + 1, start, end, place, host, participants, agenda,
                s, outs, acts, why);
    }

    private void requireState(State wanted, String what) {
        if (state != wanted) {
            throw new DomainException("a " + state.name().toLowerCase(java.util.Locale.ROOT) + " meeting cannot be "
                    + what + "; only a " + wanted.name().toLowerCase(java.util.Locale.ROOT) + " one can");
        }
    }

    private static void among(Set<Party> parties, Party p, String what) {
        if (!parties.contains(p)) {
            throw new DomainException(what + " is a party of the channel (" + String.join(", ",
                    parties.stream().map(Party::code).sorted().toList()) + "), not " + p);
        }
    }

    private static void text(String what, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new DomainException(what + " is 1 to " + max + " characters");
        }
    }
}
