package trisec.node.consult;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import trisec.consult.Channel;
import trisec.consult.ChannelGap;
import trisec.consult.ChannelHealth;
import trisec.node.base.Refusal;
import trisec.node.base.Self;

/**
 * The dialogue's health as this node sees it: every consultation channel of the scenario on a date (the node's own
 * date unless asked for another), the channels the secretariat should be alerted to, and each channel's gaps for
 * the timeline. The channels are unclassified scenario data, so any signed-in person may read them; nothing here
 * is stored or written (docs/CONSULTATION.md).
 */
public final class DialogueHealth {
    private final Self self;

    public DialogueHealth(Self self) {
        this.self = self;
    }

    /**
     * The channels on one date, and those an expected meeting has been missed on (overdue or dormant), which the
     * secretariat is alerted to.
     */
    public record Board(LocalDate at, List<ChannelHealth> channels, List<ChannelHealth> alerts) {
        public Board {
            channels = List.copyOf(channels);
            alerts = List.copyOf(alerts);
        }
    }

    /** The node's date: the day, in UTC, of its clock (which a replay sets back). */
    public LocalDate today() {
        return LocalDate.ofInstant(self.clock().instant(), ZoneOffset.UTC);
    }

    /** The date a request names in {@code at} ({@code YYYY-MM-DD}), or the node's date when it names none. */
    public LocalDate date(String at) {
        if (at == null || at.isBlank()) {
            return today();
        }
        try {
            return LocalDate.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("\"at\" must be a date written as 2019-10-01, not \"" + shorten(at) + "\"");
        }
    }

    public Board on(LocalDate at) {
        List<ChannelHealth> all = ChannelHealth.of(self.facts().scenario().channels(), at);
        return new Board(at, all, all.stream().filter(h -> h.status().alerts()).toList());
    }

    /** One channel on a date; an id the scenario does not name is not found. */
    public ChannelHealth channel(String id, LocalDate at) {
        return ChannelHealth.of(find(id), at);
    }

    /** A channel's gaps up to and including {@code until}, for the timeline. */
    public List<ChannelGap> gaps(String id, LocalDate until) {
        return ChannelGap.of(find(id), until);
    }

    private Channel find(String id) {
        return self.facts().scenario().channels().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> Refusal.notFound("no consultation channel \"" + shorten(id)
                        + "\" in the scenario; GET /api/v1/channels lists them"));
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
