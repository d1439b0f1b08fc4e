package trisec.node.consult;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trisec.DomainException;
import trisec.consult.Perspective;
import trisec.consult.PerspectiveComparison;
import trisec.node.base.Json;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.item.Holdings;
import trisec.node.person.Account;
import trisec.party.Party;
import trisec.topic.Topic;

/**
 * The perspectives register (docs/CONSULTATION.md, "Perspectives"). An assessment is an item: its topic the
 * subject (such as {@code china.maritime}), its body a {@link PerspectiveDocument}, its originator the party whose
 * view it is, labelled and shared through the release flow like any item. The register of a topic is built from
 * the assessments the viewer may read and from nothing else, so an assessment they may not read leaves no trace:
 * no title, no count, no stance in the comparison.
 */
public final class PerspectiveRegister {
    private final Self self;
    private final Holdings holdings;

    public PerspectiveRegister(Self self, Holdings holdings) {
        this.self = self;
        this.holdings = holdings;
    }

    /** A new assessment of this party, with the label of its item. The title defaults to the topic and date. */
    public record NewAssessment(String topic, String asOf, String title, String summary,
                                List<PerspectiveDocument.JudgementDoc> judgements, String level, List<String> relTo,
                                List<String> caveats) {}

    /** An assessment as a person sees it: the view, and the item that carries it. */
    public record Seen(Perspective perspective, Holdings.View item) {}

    /** What a topic's register shows a person; every part drawn from the same readable assessments. */
    public record Register(Topic topic, Map<Party, Seen> latest, List<PerspectiveComparison.Row> comparison,
                           Map<Party, List<Seen>> histories, Map<Party, List<PerspectiveComparison.Shift>> shifts) {}

    /**
     * Records an assessment of this party. Everything is checked before the item is created, in its transaction:
     * a bad assessment or label stores nothing.
     */
    public Seen record(Account officer, NewAssessment in) {
        if (in == null) {
            throw Refusal.invalid("an assessment is required");
        }
        Topic topic = topic(in.topic());
        Perspective p;
        try {
            p = new Perspective("", self.party(), topic, PerspectiveDocument.date("asOf", in.asOf()),
                    PerspectiveDocument.summary(in.summary()), PerspectiveDocument.judgements(in.judgements()));
        } catch (DomainException e) {
            throw Refusal.invalid(e.getMessage());
        }
        LocalDate today = LocalDate.ofInstant(self.clock().instant(), ZoneOffset.UTC);
        if (p.asOf().isAfter(today)) {
            throw Refusal.invalid("asOf " + p.asOf() + " is after today (" + today + "): an assessment speaks for a"
                    + " day that has come");
        }
        String title = in.title() == null || in.title().isBlank()
                ? "Assessment of " + topic + ", " + self.party().code() + ", " + p.asOf() : in.title();
        String body = Json.write(PerspectiveDocument.of(p.asOf(), p.summary(), p.judgements()));
        Holdings.View v = holdings.create(officer, new Holdings.NewItem(title, body, in.level(), topic.path(),
                in.relTo(), in.caveats()));
        return new Seen(new Perspective(v.item().id(), p.party(), topic, p.asOf(), p.summary(), p.judgements()), v);
    }

    /** The register of one topic, of the assessments on exactly that topic the person may read. */
    public Register register(Account person, String topicText) {
        Topic topic = topic(topicText);
        var seen = new ArrayList<Seen>();
        for (Holdings.View v : holdings.list(person, topic)) {
            if (v.label().topic().equals(topic)) {
                PerspectiveDocument.carried(v.item().id(), v.item().originator(), topic, v.item().body())
                        .ifPresent(p -> seen.add(new Seen(p, v)));
            }
        }
        var byRef = new LinkedHashMap<String, Seen>();
        seen.forEach(s -> byRef.put(s.perspective().ref(), s));
        List<Perspective> all = seen.stream().map(Seen::perspective).toList();
        var latest = new LinkedHashMap<Party, Seen>();
        PerspectiveComparison.latest(all).forEach((party, p) -> latest.put(party, byRef.get(p.ref())));
        var histories = new LinkedHashMap<Party, List<Seen>>();
        var shifts = new LinkedHashMap<Party, List<PerspectiveComparison.Shift>>();
        PerspectiveComparison.histories(all).forEach((party, list) -> {
            histories.put(party, list.stream().map(p -> byRef.get(p.ref())).toList());
            shifts.put(party, PerspectiveComparison.shifts(list));
        });
        return new Register(topic, latest, PerspectiveComparison.compare(PerspectiveComparison.latest(all)),
                histories, shifts);
    }

    private static Topic topic(String text) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid("topic is required: the subject of the register, such as china.maritime");
        }
        if (!Topic.isValid(text)) {
            throw Refusal.invalid("topic is dot-separated lower-case words such as china.maritime, got '"
                    + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'");
        }
        return Topic.of(text);
    }
}
