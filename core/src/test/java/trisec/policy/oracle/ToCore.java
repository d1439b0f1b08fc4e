package trisec.policy.oracle;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementKind;
import trisec.agreement.EquivalenceTable;
import trisec.agreement.LifecycleEvent;
import trisec.agreement.Scope;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.party.Classification;
import trisec.party.ClassificationScheme;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleaseRequest;
import trisec.scenario.Member;
import trisec.scenario.Outage;
import trisec.scenario.Scenario;
import trisec.topic.Topic;
import trisec.topic.TopicScope;
import trisec.policy.oracle.Model.Answer;
import trisec.policy.oracle.Model.Ask;
import trisec.policy.oracle.Model.Deal;
import trisec.policy.oracle.Model.Event;
import trisec.policy.oracle.Model.Lvl;
import trisec.policy.oracle.Model.Nation;
import trisec.policy.oracle.Model.Row;
import trisec.policy.oracle.Model.Tag;
import trisec.policy.oracle.Model.World;

/** Translates the test model into core objects for the engine, and the engine's decision back. Pure plumbing. */
final class ToCore {
    private ToCore() {}

    /** @throws IllegalArgumentException when core rejects the scenario (a generator bug if it happens often) */
    static Scenario scenario(World world) {
        List<Member> members = new ArrayList<>();
        for (Nation n : world.nations()) {
            members.add(new Member(Party.of(n.code()), n.code() + " government", scheme(n)));
        }
        var byParty = new HashMap<String, ClassificationScheme>();
        members.forEach(m -> byParty.put(m.party().code(), m.scheme()));
        List<Agreement> agreements = new ArrayList<>();
        for (Deal d : world.deals()) {
            agreements.add(agreement(d, byParty));
        }
        List<Outage> outages = world.outages().stream()
                .map(d -> new Outage(Party.of(d.party()), d.from(), d.until())).toList();
        return new Scenario(members, agreements, List.of(), List.of(), outages);
    }

    /**
     * Ranks go in as "ranked with previous" flags. The banner word plays no part in release; core requires it to
     * follow the ranks (same rank, same word), so it is derived from the rank.
     */
    private static ClassificationScheme scheme(Nation n) {
        List<ClassificationScheme.Entry> entries = new ArrayList<>();
        List<Lvl> levels = n.levels();
        for (int i = 0; i < levels.size(); i++) {
            Lvl l = levels.get(i);
            boolean withPrevious = i > 0 && levels.get(i - 1).rank() == l.rank();
            Classification banner = switch (l.rank()) {
                case 0 -> Classification.UNCLASSIFIED;
                case 1 -> Classification.CONFIDENTIAL;
                case 2 -> Classification.SECRET;
                default -> Classification.TOP_SECRET;
            };
            entries.add(new ClassificationScheme.Entry(l.name(), banner, List.of(), withPrevious));
        }
        return ClassificationScheme.of(Party.of(n.code()), entries);
    }

    private static Agreement agreement(Deal d, Map<String, ClassificationScheme> schemes) {
        Scope scope = scope(new Model.Coverage(d.topics(), d.highest()), schemes);
        List<EquivalenceTable.Row> rows = new ArrayList<>();
        for (Row row : d.rows()) {
            Map<Party, List<Level>> levels = new HashMap<>();
            row.levels().forEach((p, names) ->
                    levels.put(Party.of(p), names.stream().map(x -> schemes.get(p).level(x)).toList()));
            rows.add(new EquivalenceTable.Row(levels));
        }
        List<LifecycleEvent> events = new ArrayList<>();
        for (Event e : d.events()) {
            events.add(e.scope().isPresent()
                    ? new LifecycleEvent.Amended(e.at(), Optional.empty(), "", Optional.of(scope(e.scope().get(), schemes)))
                    : LifecycleEvent.of(LifecycleEvent.EventType.valueOf(e.step().name()), e.at(), Optional.empty(),
                            "", e.effective()));
        }
        return new Agreement(d.id(), AgreementKind.valueOf(d.kind().name()), d.id(), parties(d.parties()),
                d.hub().map(Party::of), scope, new EquivalenceTable(rows), d.term(),
                d.noticePeriod(), true, events, "", List.of());
    }

    private static Scope scope(Model.Coverage c, Map<String, ClassificationScheme> schemes) {
        TopicScope topics = c.topics().map(list -> TopicScope.of(list.stream().map(Topic::of).toList()))
                .orElse(TopicScope.everything());
        Map<Party, Level> highest = new HashMap<>();
        c.highest().forEach((p, l) -> highest.put(Party.of(p), schemes.get(p).level(l)));
        return new Scope(topics, highest);
    }

    static ConfidentialityLabel label(Scenario scenario, Tag tag) {
        Party o = Party.of(tag.originator());
        EnumSet<Caveat> caveats = EnumSet.noneOf(Caveat.class);
        if (tag.noforn()) {
            caveats.add(Caveat.NOFORN);
        }
        if (tag.orcon()) {
            caveats.add(Caveat.ORCON);
        }
        return new ConfidentialityLabel(o, scenario.scheme(o).level(tag.level()), parties(tag.releasableTo()),
                caveats, Topic.of(tag.topic()), Optional.empty());
    }

    static ReleaseRequest request(Scenario scenario, Ask ask) {
        return new ReleaseRequest(label(scenario, ask.label()), Party.of(ask.holder()), Party.of(ask.recipient()),
                ask.at(), ask.consent());
    }

    static Answer answer(ReleaseDecision d) {
        return new Answer(Model.Verdict.valueOf(d.verdict().name()), d.route().stream().map(Party::code).toList(),
                d.basis(), d.recipientLevel().map(Level::name));
    }

    private static List<Party> parties(List<String> codes) {
        return codes.stream().map(Party::of).toList();
    }
}
