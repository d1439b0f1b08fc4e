package trisec.node.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trisec.consult.ChannelGap;
import trisec.consult.ChannelHealth;
import trisec.consult.Meeting;
import trisec.party.Party;

/** The JSON shapes of the dialogue's health, for the API and for {@code trisec consult status --json}. */
public final class ChannelViews {
    private ChannelViews() {}

    /** The channels on a date and the alert for the secretariat: the ids of those overdue or dormant. */
    public static Map<String, Object> board(LocalDate at, List<ChannelHealth> channels) {
        var m = new LinkedHashMap<String, Object>();
        m.put("at", at.toString());
        m.put("channels", channels.stream().map(ChannelViews::health).toList());
        m.put("alerts", channels.stream().filter(h -> h.status().alerts()).map(ChannelViews::alert).toList());
        return m;
    }

    /** One channel on a date: its status and why, its hosts, and its meetings on record. */
    public static Map<String, Object> health(ChannelHealth h) {
        var c = h.channel();
        var m = new LinkedHashMap<String, Object>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("cadence", c.cadence().name());
        m.put("modelled", c.modelled());
        m.put("status", h.status().name());
        m.put("lastMet", h.lastMet().map(ChannelViews::meeting).orElse(null));
        m.put("daysSince", h.daysSince().orElse(null));
        m.put("dueFrom", date(h.dueFrom()));
        m.put("dueBy", date(h.dueBy()));
        m.put("dormantAfter", date(h.dormantAfter()));
        m.put("nextOnRecord", h.nextOnRecord().map(ChannelViews::meeting).orElse(null));
        m.put("rotation", c.rotation().stream().map(Party::code).toList());
        m.put("rotationPeriod", c.rotationPeriod().map(Object::toString).orElse(null));
        m.put("host", h.host().map(Party::code).orElse(null));
        m.put("nextHost", h.nextHost().map(Party::code).orElse(null));
        m.put("nextHostFrom", date(h.nextHostFrom()));
        m.put("notes", c.notes());
        return m;
    }

    /** One channel with every meeting on record and the gaps up to the date asked about. */
    public static Map<String, Object> detailed(ChannelHealth h, List<ChannelGap> gaps) {
        var m = health(h);
        m.put("meetings", h.channel().meetings().stream().map(ChannelViews::meeting).toList());
        m.put("gaps", gaps.stream().map(g -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("from", g.from().toString());
            x.put("until", g.until().toString());
            x.put("dormantFrom", date(g.dormantFrom()));
            x.put("ongoing", g.ongoing());
            return x;
        }).toList());
        return m;
    }

    private static Map<String, Object> alert(ChannelHealth h) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", h.channel().id());
        m.put("status", h.status().name());
        m.put("lastMet", h.lastMet().map(x -> x.start().toString()).orElse(null));
        m.put("dueBy", date(h.dueBy()));
        return m;
    }

    private static Map<String, Object> meeting(Meeting x) {
        var m = new LinkedHashMap<String, Object>();
        m.put("start", x.start().toString());
        m.put("end", x.end().toString());
        m.put("place", x.place());
        m.put("note", x.note());
        return m;
    }

    private static String date(java.util.Optional<LocalDate> d) {
        return d.map(LocalDate::toString).orElse(null);
    }
}
