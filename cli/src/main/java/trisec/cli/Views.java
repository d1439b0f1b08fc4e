package trisec.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementStatus;
import trisec.agreement.LifecycleEvent;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;

/** The JSON shapes of domain values, as the CLI prints them. */
final class Views {
    private Views() {}

    /** {@code {"decision", "route", "basis", "recipientLevel", "reasons"}}, exactly. */
    static Map<String, Object> decision(ReleaseDecision d) {
        var m = new LinkedHashMap<String, Object>();
        m.put("decision", d.verdict().name());
        m.put("route", d.route().stream().map(Party::code).toList());
        m.put("basis", d.basis());
        m.put("recipientLevel", d.recipientLevel().map(Level::name).orElse(null));
        m.put("reasons", d.reasonTexts());
        return m;
    }

    static Map<String, Object> agreement(Agreement a, AgreementStatus status, Instant at) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", a.id());
        m.put("kind", a.kind().name());
        m.put("title", a.title());
        m.put("parties", a.parties().stream().map(Party::code).toList());
        m.put("hub", a.hub().map(Party::code).orElse(null));
        m.put("legallyBinding", a.legallyBinding());
        var s = new LinkedHashMap<String, Object>();
        s.put("code", status.code());
        s.put("text", status.describe());
        if (status instanceof AgreementStatus.InForce f) {
            s.put("terminationEffective", f.terminationEffective().map(AgreementStatus::format).orElse(null));
            s.put("noticeSuspended", f.noticeSuspended());
        }
        m.put("status", s);
        List<Map<String, Object>> events = new ArrayList<>();
        for (LifecycleEvent e : a.events()) {
            if (!e.at().isAfter(at)) {
                events.add(event(e));
            }
        }
        m.put("events", events);
        return m;
    }

    static Map<String, Object> event(LifecycleEvent e) {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", e.type().name());
        m.put("date", AgreementStatus.format(e.at()));
        m.put("by", e.by().map(Party::code).orElse(null));
        if (e instanceof LifecycleEvent.TerminationNotice n) {
            m.put("effective", n.effective().map(AgreementStatus::format).orElse(null));
        }
        m.put("note", e.note());
        return m;
    }

    static Map<String, Object> label(ConfidentialityLabel l) {
        var m = new LinkedHashMap<String, Object>();
        m.put("originator", l.originator().code());
        m.put("level", l.level().name());
        m.put("releasableTo", l.releasableTo().stream().map(Party::code).toList());
        m.put("caveats", l.caveatsInOrder().stream().map(Caveat::name).toList());
        m.put("topic", l.topic().path());
        m.put("created", l.created().map(Instant::toString).orElse(null));
        return m;
    }
}
