package trisec.node.consult;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import trisec.DomainException;
import trisec.consult.Channel;
import trisec.consult.MeetingRecord;
import trisec.label.Caveat;
import trisec.node.base.Json;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.item.Holdings;
import trisec.node.person.Account;
import trisec.node.release.Disclosures;
import trisec.node.release.ReleaseStatus;
import trisec.node.release.Releases;
import trisec.party.Party;
import trisec.topic.Topic;

/**
 * Meetings of the consultation channels and their records (DESIGN §5.4). A record is an item on the channel's topic
 * ({@code consult.<channel>}) whose body is the whole record so far ({@link MeetingDocument}); each change (held,
 * cancelled, an action item, a follow-up) is a new version, a new item under the first one's label, so labels,
 * access, releases, retraction and the federation apply unchanged. A classified annex is a separate item under its
 * own label that names the meeting. A person sees a meeting only through a version they may read, and an annex only
 * when they may read it: no title, count or trace of anything else.
 *
 * <p>There is no table of meetings: the list reads the items on {@code consult} the person may read, which the
 * cadence of meetings (a few a year per channel) keeps small. Parsed bodies are kept by item id, since an item's
 * body never changes.
 */
public final class MeetingDesk {
    /** The topic every consultation record is on or under. */
    public static final Topic TOPIC = Topic.of("consult");

    /** A meeting as an officer plans it, and the label of its record (UNCLASSIFIED unless said). */
    public record NewMeeting(String channel, String start, String end, String place, String host,
                             Map<String, List<String>> participants, List<MeetingDocument.AgendaDoc> agenda,
                             String level, List<String> relTo, List<String> caveats) {}

    public record Held(List<String> outcomes) {}

    public record Cancellation(String reason) {}

    public record NewAction(String owner, String due, String task) {}

    /** How action item {@code number} stands now, and what was done about it. */
    public record FollowUp(Integer number, String status, String followUp) {}

    /** A new first day, last day or place; what is absent stays (a new first day alone keeps the length). */
    public record Reschedule(String start, String end, String place) {}

    /**
     * What this party, owner of action item {@code number} of another party's record, reports of it: the status
     * it now has (absent: unchanged) and what was done.
     */
    public record NewReport(Integer number, String status, String followUp) {}

    /** An annex under its own label, on the channel's topic or below it. */
    public record NewAnnex(String title, String text, String level, String topic, List<String> relTo,
                           List<String> caveats) {}

    /** Which of the meeting's items to share with the channel's other parties: its record unless an annex is named. */
    public record Share(String item) {}

    /**
     * A meeting as a person sees it: the latest version they may read, the annexes they may read, and the reports
     * they may read that the owners of its action items made of them.
     */
    public record Seen(MeetingRecord meeting, Holdings.View item, List<Annex> annexes, List<Report> reports) {}

    public record Annex(MeetingDocument.AnnexDoc doc, Holdings.View item) {}

    /** A partner's report on an action item it owns, as its own item. */
    public record Report(MeetingDocument.ReportDoc doc, Holdings.View item) {}

    /** A report made here, and what sharing it with the channel's other parties asked the release policy. */
    public record Reported(Report report, List<Shared> shared) {}

    /**
     * What sharing asked the release policy for one party: its verdict, the release awaiting approval (or already
     * under way), and the policy's reasons when it refused.
     */
    public record Shared(Party to, String verdict, Optional<String> release, Optional<String> status,
                         List<String> reasons) {}

    private final Self self;
    private final Holdings holdings;
    private final Disclosures disclosures;
    private final Map<String, Optional<MeetingRecord>> records = new ConcurrentHashMap<>();
    private final Map<String, Optional<MeetingDocument.AnnexDoc>> annexes = new ConcurrentHashMap<>();
    private final Map<String, Optional<MeetingDocument.ReportDoc>> reports = new ConcurrentHashMap<>();

    public MeetingDesk(Self self, Holdings holdings, Disclosures disclosures) {
        this.self = self;
        this.holdings = holdings;
        this.disclosures = disclosures;
    }

    /** The channels of the scenario, in its order. */
    public List<Channel> channels() {
        return self.facts().scenario().channels();
    }

    /** A channel's parties: those of its rotation, else every party of the scenario (the channels are trilateral). */
    public Set<Party> parties(Channel c) {
        return new LinkedHashSet<>(c.rotation().isEmpty() ? self.facts().scenario().parties() : c.rotation());
    }

    /** A new meeting, planned by this party, with the rotation's host; checked whole before anything is stored. */
    public Seen plan(Account officer, NewMeeting in) {
        if (in == null) {
            throw Refusal.invalid("a meeting is required");
        }
        Channel channel = channel(in.channel());
        MeetingRecord m;
        try {
            var scenario = self.facts().scenario();
            var participants = new LinkedHashMap<Party, List<String>>();
            if (in.participants() != null) {
                in.participants().forEach((code, names) -> participants.put(scenario.party(code),
                        names == null ? List.of() : names.stream().map(n -> n == null ? null : n.strip()).toList()));
            }
            m = MeetingRecord.plan(self.party().code() + "-" + UUID.randomUUID(), channel, parties(channel),
                    self.party(), MeetingDocument.date("start", in.start()),
                    in.end() == null ? null : MeetingDocument.date("end", in.end()),
                    in.place() == null ? null : in.place().strip(),
                    Optional.ofNullable(in.host()).map(h -> scenario.party(h.strip().toUpperCase(java.util.Locale.ROOT))),
                    participants, MeetingDocument.agenda(in.agenda()));
        } catch (DomainException e) {
            throw Refusal.invalid(e.getMessage());
        }
        return store(officer, m, in.level() == null ? "UNCLASSIFIED" : in.level(), topic(channel).path(),
                in.relTo(), in.caveats());
    }

    public Seen hold(Account officer, String id, Held in) {
        Seen last = own(officer, id);
        LocalDate today = LocalDate.ofInstant(self.clock().instant(), ZoneOffset.UTC);
        return change(officer, last, () -> last.meeting().held(today, in == null || in.outcomes() == null ? List.of()
                : in.outcomes().stream().map(o -> o == null ? null : o.strip()).toList()));
    }

    public Seen cancel(Account officer, String id, Cancellation in) {
        Seen last = own(officer, id);
        return change(officer, last, () -> last.meeting().cancelled(in == null ? null : in.reason()));
    }

    /** A new date or place for this party's planned meeting: a new version, hosted by the rotation's new turn. */
    public Seen reschedule(Account officer, String id, Reschedule in) {
        Seen last = own(officer, id);
        if (in == null || in.start() == null && in.end() == null && in.place() == null) {
            throw Refusal.invalid("a change names a new start, end or place");
        }
        return change(officer, last, () -> last.meeting().rescheduled(channel(last.meeting().channel()),
                in.start() == null ? null : MeetingDocument.date("start", in.start().strip()),
                in.end() == null ? null : MeetingDocument.date("end", in.end().strip()), in.place()));
    }

    public Seen addAction(Account officer, String id, NewAction in) {
        Seen last = own(officer, id);
        if (in == null) {
            throw Refusal.invalid("an action item is required");
        }
        return change(officer, last, () -> last.meeting().withAction(parties(channel(last.meeting().channel())),
                self.facts().scenario().party(MeetingDocument.required("owner", in.owner()).strip()
                        .toUpperCase(java.util.Locale.ROOT)), MeetingDocument.date("due", in.due()), in.task()));
    }

    public Seen followUp(Account officer, String id, FollowUp in) {
        Seen last = own(officer, id);
        if (in == null || in.number() == null) {
            throw Refusal.invalid("a follow-up names the action item's number");
        }
        return change(officer, last, () -> last.meeting().withFollowUp(in.number(),
                in.status() == null ? null : MeetingDocument.status(in.status()), Optional.ofNullable(in.followUp())));
    }

    /** An annex to this party's meeting, under its own label: an item that names the meeting and nothing else. */
    public Annex addAnnex(Account officer, String id, NewAnnex in) {
        Seen last = own(officer, id);
        if (in == null) {
            throw Refusal.invalid("an annex is required");
        }
        if (in.text() == null || in.text().isBlank()) {
            throw Refusal.invalid("text is required");
        }
        Topic channelTopic = topic(channel(last.meeting().channel()));
        String topic = in.topic() == null ? channelTopic.path() : in.topic();
        if (!Topic.isValid(topic) || !channelTopic.covers(Topic.of(topic))) {
            throw Refusal.invalid("an annex's topic is " + channelTopic + " or below, got '" + topic + "'");
        }
        var doc = new MeetingDocument.AnnexDoc(MeetingDocument.FORMAT, last.meeting().id(), self.party().code(),
                in.text());
        Holdings.View v = holdings.create(officer, new Holdings.NewItem(in.title(), Json.write(doc), in.level(), topic,
                in.relTo() == null ? List.of() : in.relTo(), in.caveats() == null ? List.of() : in.caveats()));
        return new Annex(doc, v);
    }

    /**
     * This party's report on an action item it owns in another party's record: the recording party alone speaks for
     * the record, so the report is this party's own item on the record's topic, labelled as this node marks the
     * record, naming the meeting and the action item; it is then shared with the channel's other parties as
     * {@link #share} shares an annex (at once where a standing authority covers it). The recorder may take it into
     * the record with a follow-up.
     */
    public Reported report(Account officer, String id, NewReport in) {
        Seen last = get(officer, id);
        MeetingRecord m = last.meeting();
        if (m.recordedBy().equals(self.party())) {
            throw Refusal.invalid("this party keeps this record: follow the action item up in the record itself");
        }
        if (in == null || in.number() == null) {
            throw Refusal.invalid("a report names the action item's number");
        }
        if (in.number() < 1 || in.number() > m.actions().size()) {
            throw Refusal.invalid("no action item " + in.number() + " in this meeting (it has " + m.actions().size()
                    + ")");
        }
        MeetingRecord.ActionItem action = m.actions().get(in.number() - 1);
        if (!action.owner().equals(self.party())) {
            throw Refusal.forbidden("action item " + in.number() + " is " + action.owner()
                    + "'s: only its owner reports on it");
        }
        String status;
        try {
            status = in.status() == null || in.status().isBlank() ? null : MeetingDocument.status(in.status()).name();
        } catch (DomainException e) {
            throw Refusal.invalid(e.getMessage());
        }
        String text = in.followUp() == null ? "" : in.followUp().strip();
        if (text.isEmpty() || text.length() > 2_000) {
            throw Refusal.invalid("followUp is 1 to 2000 characters: what was done");
        }
        var doc = new MeetingDocument.ReportDoc(MeetingDocument.FORMAT, m.id(), self.party().code(), in.number(),
                status, text);
        var label = last.item().label();
        Holdings.View v = holdings.create(officer, new Holdings.NewItem("Report on action " + in.number()
                + " of meeting " + m.channel() + " " + m.start(), Json.write(doc), last.item().heldLevel().name(),
                label.topic().path(), label.releasableTo().stream().map(Party::code).toList(),
                label.caveatsInOrder().stream().map(Caveat::name).toList()));
        return new Reported(new Report(doc, v), shareItem(officer, v.item().id(), channel(m.channel())));
    }

    /**
     * Asks the release policy to send the meeting's record (or one of its annexes) to each of the channel's other
     * parties, as an officer's release request each: what it permits waits for a disclosure official's approval, what
     * it refuses goes nowhere and is on record with its reasons. A party that already has a release of the item under
     * way (a standing authority's, say) is not asked again. A party for which no release can be asked at all (no peer
     * for it) is answered {@code NOT_ASKED} with why, and the others are still asked.
     */
    public List<Shared> share(Account officer, String id, Share in) {
        Seen last = own(officer, id);
        String itemId = in == null || in.item() == null ? last.item().item().id() : in.item();
        if (!itemId.equals(last.item().item().id())
                && last.annexes().stream().noneMatch(a -> a.item().item().id().equals(itemId))) {
            throw Refusal.invalid("item " + itemId + " is not this meeting's latest record nor one of its annexes");
        }
        return shareItem(officer, itemId, channel(last.meeting().channel()));
    }

    private List<Shared> shareItem(Account officer, String itemId, Channel channel) {
        var scenario = self.facts().scenario();
        var out = new ArrayList<Shared>();
        for (Party to : parties(channel)) {
            if (to.equals(self.party())) {
                continue;
            }
            var existing = self.store().read(h -> Releases.ofItem(h, scenario, itemId)).stream()
                    .filter(r -> r.recipient().equals(to) && r.status() != ReleaseStatus.REFUSED
                            && r.status() != ReleaseStatus.WITHDRAWN && r.status() != ReleaseStatus.CONSENT_REFUSED)
                    .findFirst();
            if (existing.isPresent()) {
                out.add(new Shared(to, "PERMIT", Optional.of(existing.get().id()),
                        Optional.of(existing.get().status().name()), List.of()));
                continue;
            }
            try {
                var r = disclosures.request(officer, itemId, to.code());
                out.add(new Shared(to, r.decision().verdict().name(), r.release().map(x -> x.id()),
                        r.release().map(x -> x.status().name()), List.of()));
            } catch (Refusal.Forbidden refused) {
                out.add(new Shared(to, "DENY", Optional.empty(), Optional.empty(), refused.reasons()));
            } catch (Refusal notAsked) {
                // No release could be asked for this party (no peer for it, say): said for this party, and the
                // others are still asked, since the item is stored already and a retry would store another.
                out.add(new Shared(to, "NOT_ASKED", Optional.empty(), Optional.empty(),
                        List.of(notAsked.getMessage())));
            }
        }
        return out;
    }

    /** Every meeting the person may see, latest first day first. */
    public List<Seen> list(Account person) {
        var views = holdings.list(person, TOPIC);
        var latest = new LinkedHashMap<String, Seen>();
        var annexesOf = new LinkedHashMap<String, List<Annex>>();
        var reportsOf = new LinkedHashMap<String, List<Report>>();
        for (Holdings.View v : views) {
            record(v).ifPresent(m -> latest.merge(m.id(), new Seen(m, v, List.of(), List.of()),
                    (a, b) -> a.meeting().revision() >= b.meeting().revision() ? a : b));
            annex(v).ifPresent(a -> annexesOf.computeIfAbsent(a.meeting(), k -> new ArrayList<>())
                    .add(new Annex(a, v)));
            report(v).ifPresent(r -> reportsOf.computeIfAbsent(r.meeting(), k -> new ArrayList<>())
                    .add(new Report(r, v)));
        }
        return latest.values().stream().map(s -> new Seen(s.meeting(), s.item(),
                        List.copyOf(annexesOf.getOrDefault(s.meeting().id(), List.of())),
                        reportsOf.getOrDefault(s.meeting().id(), List.of()).stream()
                                .filter(r -> ownedBy(s.meeting(), r.doc()))
                                .sorted(Comparator.comparing((Report r) -> r.doc().number())
                                        .thenComparing(r -> r.item().label().created().orElse(java.time.Instant.EPOCH))
                                        .thenComparing(r -> r.item().item().id())).toList()))
                .sorted(Comparator.comparing((Seen s) -> s.meeting().start()).reversed()
                        .thenComparing(s -> s.meeting().id()))
                .toList();
    }

    /** One meeting, or not found: a meeting the person may not read is not there for them. */
    public Seen get(Account person, String id) {
        return list(person).stream().filter(s -> s.meeting().id().equals(id)).findFirst()
                .orElseThrow(() -> Refusal.notFound("no meeting " + id));
    }

    private Seen own(Account officer, String id) {
        Seen s = get(officer, id);
        if (!s.meeting().recordedBy().equals(self.party())) {
            throw Refusal.forbidden("only " + s.meeting().recordedBy() + ", which keeps this record, may change it");
        }
        return s;
    }

    private interface Change {
        MeetingRecord apply();
    }

    /** A later version, under the label of the one before: each carries the whole record. */
    private Seen change(Account officer, Seen last, Change change) {
        MeetingRecord next;
        try {
            next = change.apply();
        } catch (DomainException e) {
            throw Refusal.invalid(e.getMessage());
        }
        var label = last.item().label();
        Seen stored = store(officer, next, label.level().name(), label.topic().path(),
                label.releasableTo().stream().map(Party::code).toList(),
                label.caveatsInOrder().stream().map(Caveat::name).toList());
        return new Seen(stored.meeting(), stored.item(), last.annexes(), last.reports());
    }

    private Seen store(Account officer, MeetingRecord m, String level, String topic, List<String> relTo,
                       List<String> caveats) {
        String title = "Meeting " + m.channel() + " " + m.start() + " (" + m.state().name().toLowerCase(
                java.util.Locale.ROOT) + ")";
        Holdings.View v = holdings.create(officer, new Holdings.NewItem(title, Json.write(MeetingDocument.of(m)),
                level, topic, relTo == null ? List.of() : relTo, caveats == null ? List.of() : caveats));
        records.put(v.item().id(), Optional.of(m));
        return new Seen(m, v, List.of(), List.of());
    }

    private Optional<MeetingRecord> record(Holdings.View v) {
        return records.computeIfAbsent(v.item().id(), id -> MeetingDocument.carried(v.label().originator(),
                v.item().body(), self.facts().scenario()));
    }

    /** Only the owner of the action item reports on it: another party's report on it is no report. */
    private static boolean ownedBy(MeetingRecord m, MeetingDocument.ReportDoc r) {
        return r.number() >= 1 && r.number() <= m.actions().size()
                && m.actions().get(r.number() - 1).owner().code().equals(r.reportedBy());
    }

    private Optional<MeetingDocument.ReportDoc> report(Holdings.View v) {
        return reports.computeIfAbsent(v.item().id(), id -> MeetingDocument.report(v.label().originator(),
                v.item().body()));
    }

    private Optional<MeetingDocument.AnnexDoc> annex(Holdings.View v) {
        return annexes.computeIfAbsent(v.item().id(), id -> MeetingDocument.annex(v.label().originator(),
                v.item().body()));
    }

    private Channel channel(String id) {
        return channels().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> Refusal.invalid("no channel '" + id + "'; the channels are " + String.join(", ",
                        channels().stream().map(Channel::id).toList())));
    }

    /** The topic of a channel's records. */
    public static Topic topic(Channel c) {
        return topic(c.id());
    }

    /** The topic of the records of the channel of this id. */
    public static Topic topic(String channel) {
        return Topic.of(TOPIC.path() + "." + channel);
    }

    /** The ids of the meetings whose records the person may read here. */
    public Set<String> readable(Account person) {
        return list(person).stream().map(s -> s.meeting().id()).collect(java.util.stream.Collectors.toSet());
    }

    /** A meeting's record as this node holds it, whoever asks: its latest version and that version's label. */
    record HeldRecord(MeetingRecord meeting, trisec.label.ConfidentialityLabel label) {}

    /**
     * The latest version of a meeting's record this node holds, read for the node itself and not for a person (to
     * check what a partner's message says of it); empty when it holds none. Only the recording party's items are
     * its record, so only they are read.
     */
    static Optional<HeldRecord> held(org.jdbi.v3.core.Handle h, Self self, String id) {
        int dash = id.indexOf('-');
        if (dash < 0 || !Party.isCode(id.substring(0, dash))) {
            return Optional.empty();
        }
        var scenario = self.facts().scenario();
        String recorder = id.substring(0, dash);
        HeldRecord latest = null;
        for (var row : trisec.node.item.Items.onTopic(h, TOPIC)) {
            if (row.retracted() || !row.originator().equals(recorder)) {
                continue;
            }
            var m = MeetingDocument.carried(Party.of(recorder), row.body(), scenario);
            if (m.isPresent() && m.get().id().equals(id)
                    && (latest == null || m.get().revision() > latest.meeting().revision())) {
                latest = new HeldRecord(m.get(), trisec.node.item.Labels.held(row, scenario, self.scheme()).item()
                        .label());
            }
        }
        return Optional.ofNullable(latest);
    }
}
