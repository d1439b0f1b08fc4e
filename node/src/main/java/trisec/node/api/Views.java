package trisec.node.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementStatus;
import trisec.agreement.LifecycleEvent;
import trisec.label.Banner;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.label.NationalMarking;
import trisec.node.item.Holdings;
import trisec.node.item.ItemRow;
import trisec.node.item.Labels;
import trisec.node.base.Json;
import trisec.node.consent.ConsentCase;
import trisec.node.agreement.RecordedEvents;
import trisec.node.release.AuthorityRecord;
import trisec.node.release.TrackedRelease;
import trisec.node.item.Reports;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;

/** The JSON shapes of the API (and of the CLI's --json, which prints the same decisions and agreements). */
public final class Views {
    private Views() {}

    /** {@code {"decision", "route", "basis", "recipientLevel", "reasons"}}, exactly. */
    public static Map<String, Object> decision(ReleaseDecision d) {
        var m = new LinkedHashMap<String, Object>();
        m.put("decision", d.verdict().name());
        m.put("route", d.route().stream().map(Party::code).toList());
        m.put("basis", d.basis());
        m.put("recipientLevel", d.recipientLevel().map(Level::name).orElse(null));
        m.put("reasons", d.reasonTexts());
        return m;
    }

    public static Map<String, Object> agreement(Agreement a, AgreementStatus status, Instant at) {
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

    public static Map<String, Object> event(LifecycleEvent e) {
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

    public static Map<String, Object> label(ConfidentialityLabel l) {
        var m = new LinkedHashMap<String, Object>();
        m.put("originator", l.originator().code());
        m.put("level", l.level().name());
        m.put("releasableTo", l.releasableTo().stream().map(Party::code).toList());
        m.put("caveats", l.caveatsInOrder().stream().map(Caveat::name).toList());
        m.put("topic", l.topic().path());
        m.put("created", l.created().map(Instant::toString).orElse(null));
        return m;
    }

    /** An item without its content: for lists. */
    static Map<String, Object> itemSummary(Holdings.View v) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", v.item().id());
        m.put("title", v.item().title());
        m.put("banner", Banner.render(v.label()));
        m.put("marking", NationalMarking.of(v.label(), v.heldLevel()));
        m.put("label", label(v.label()));
        m.put("heldLevel", v.heldLevel().name());
        m.put("receivedFrom", v.held().receivedFrom().map(Party::code).orElse(null));
        m.put("receivedAt", v.held().receivedAt().map(Instant::toString).orElse(null));
        m.put("state", v.held().retracted() ? ItemRow.RETRACTED : ItemRow.ACTIVE);
        return m;
    }

    static Map<String, Object> item(Holdings.View v) {
        var m = itemSummary(v);
        m.put("body", v.item().body());
        // The originator's label as it travels between systems (STANAG 4774).
        m.put("stanag4774", trisec.label.Stanag4774.toXml(v.label(), v.item().createdAt()));
        m.put("access", v.access().reasons());
        return m;
    }

    static Map<String, Object> release(TrackedRelease r, Function<String, String> username) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", r.id());
        m.put("itemId", r.itemId());
        m.put("recipient", r.recipient().code());
        m.put("route", Labels.codes(r.release().route()));
        m.put("basis", r.release().basis());
        m.put("recipientLevel", r.release().recipientLevel().map(Level::name).orElse(null));
        m.put("status", r.status().name());
        m.put("requestedBy", r.requestedBy().map(username).orElse(null));
        m.put("approvedBy", r.approvedBy().map(username).orElse(null));
        m.put("requestedAt", r.requestedAt().toString());
        m.put("updatedAt", r.updatedAt().toString());
        m.put("consentId", r.consentId().orElse(null));
        m.put("authority", r.authority().orElse(null));
        m.put("forOriginator", r.origin().filter(o -> r.requestedBy().isEmpty()).map(o -> o.party().code())
                .orElse(null));
        m.put("receipt", r.receipt().map(Views::tree).orElse(null));
        m.put("refusal", r.refusal().orElse(null));
        return m;
    }

    static Map<String, Object> authority(AuthorityRecord r, Function<String, String> username) {
        var a = r.authority();
        var m = new LinkedHashMap<String, Object>();
        m.put("id", a.id());
        m.put("state", r.state().name());
        m.put("topic", a.topic().path());
        m.put("highest", a.highest().name());
        m.put("recipients", Labels.codes(a.recipients()));
        m.put("validFrom", a.validFrom().toString());
        m.put("validUntil", a.validUntil().map(Instant::toString).orElse(null));
        m.put("under", a.under().orElse(null));
        m.put("proposedBy", username.apply(r.proposedBy()));
        m.put("proposedAt", r.proposedAt().toString());
        m.put("approvedBy", r.approvedBy().map(username).orElse(null));
        m.put("approvedAt", r.approvedAt().map(Instant::toString).orElse(null));
        m.put("revokedBy", r.revokedBy().map(username).orElse(null));
        m.put("revokedAt", r.revokedAt().map(Instant::toString).orElse(null));
        return m;
    }

    static Map<String, Object> consent(ConsentCase c, Function<String, String> username) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", c.id());
        m.put("itemId", c.itemId());
        m.put("originator", c.consent().originator().code());
        m.put("holder", c.consent().holder().code());
        m.put("recipient", c.consent().recipient().code());
        m.put("direction", c.direction().name());
        m.put("state", c.state().name());
        m.put("requestedAt", c.requestedAt().toString());
        m.put("decidedAt", c.decidedAt().map(Instant::toString).orElse(null));
        m.put("decidedBy", c.decidedBy().map(username).orElse(null));
        return m;
    }

    static Map<String, Object> recorded(RecordedEvents.Row r) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", r.id());
        m.put("agreementId", r.agreementId());
        m.put("type", r.type());
        m.put("date", AgreementStatus.format(r.at()));
        m.put("by", r.by().orElse(null));
        m.put("effective", r.effective().map(AgreementStatus::format).orElse(null));
        m.put("note", r.note());
        m.put("recordedBy", r.recordedBy());
        return m;
    }

    static Map<String, Object> report(Reports.Row r) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", r.id());
        m.put("itemId", r.itemId());
        m.put("reporter", r.reporter());
        m.put("detail", r.detail());
        m.put("reportedAt", r.reportedAt().toString());
        return m;
    }

    /** Person ids to usernames, for the releases and consents that name who requested or decided them. */
    static Function<String, String> usernames(trisec.node.base.Self self) {
        return self.store().read(trisec.node.person.Persons::usernames);
    }
    private static Object tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json;
        }
    }
}
