package trisec.option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import trisec.DomainException;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementKind;
import trisec.agreement.AgreementStatus;
import trisec.agreement.Lifecycle;
import trisec.agreement.LifecycleEvent;
import trisec.party.Level;
import trisec.party.Party;
import trisec.scenario.Member;
import trisec.scenario.Outage;
import trisec.scenario.Scenario;

/**
 * A named, described set of hypothetical changes (DESIGN §5.5): "KOR gives notice on 2026-03-01", "TISA widened to
 * every dprk and china topic". {@link #applyTo} makes a new scenario with the changes; the scenario it is given, and
 * every decision taken on it, stay as they were. Everything an option changes is answered by the same
 * {@code ReleasePolicy} on the new scenario: events by the agreements' lifecycles, a scope change by the scope at the
 * instant decided, a hub outage by the scenario's outages (docs/SEMANTICS.md).
 */
public record Option(String name, String description, List<Change> changes) {

    /** What is wrong with the change at {@code index} of {@link #changes()}; a reader of a file adds its line. */
    public record Problem(int index, String message) {}

    public Option {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an option has a name");
        }
        description = description == null ? "" : description;
        changes = List.copyOf(changes);
    }

    /**
     * The scenario with this option's changes, made in order, each on the result of the ones before.
     *
     * @throws DomainException naming the first change that makes no sense on this scenario, and why
     */
    public Scenario applyTo(Scenario scenario) {
        var draft = new Draft(scenario);
        for (int i = 0; i < changes.size(); i++) {
            Optional<String> problem = draft.apply(changes.get(i));
            if (problem.isPresent()) {
                throw new DomainException("option '" + name + "', change " + (i + 1) + " ("
                        + changes.get(i).describe() + "): " + problem.get());
            }
        }
        return draft.current;
    }

    /**
     * The first instant at which this option can change a decision: the earliest date any of its changes names (an
     * event, a scope's start, an outage's start, a new agreement's first event). Before it the scenario it makes
     * answers every question as the scenario it was applied to: each change acts from its own date on (an event from
     * its instant, a scope from its start, an outage from its start, a new agreement once its life begins), and a new
     * party by itself changes nothing between the others. Empty when no change names a date (only new parties).
     */
    public Optional<Instant> firstChange() {
        Instant first = null;
        for (Change c : changes) {
            Optional<Instant> t = switch (c) {
                case Change.AgreementEvent e -> Optional.of(e.event().at());
                case Change.ScopeChange s -> Optional.of(s.from());
                case Change.HubOutage o -> Optional.of(o.from());
                case Change.NewAgreement n -> n.agreement().events().stream().map(LifecycleEvent::at)
                        .min(Instant::compareTo);
                case Change.NewParty p -> Optional.empty();
            };
            if (t.isPresent() && (first == null || t.get().isBefore(first))) {
                first = t.get();
            }
        }
        return Optional.ofNullable(first);
    }

    /** Every change that makes no sense on this scenario; empty when {@link #applyTo} would succeed. */
    public List<Problem> problems(Scenario scenario) {
        var draft = new Draft(scenario);
        var problems = new ArrayList<Problem>();
        for (int i = 0; i < changes.size(); i++) {
            int index = i;
            // A change with a problem is left out, so that the ones after it are still checked.
            draft.apply(changes.get(i)).ifPresent(p -> problems.add(new Problem(index, p)));
        }
        return List.copyOf(problems);
    }

    /** The scenario as the changes so far have made it. */
    private static final class Draft {
        private Scenario current;

        Draft(Scenario scenario) {
            this.current = scenario;
        }

        /** Makes the change, or says why it makes no sense and leaves the draft as it was. */
        Optional<String> apply(Change change) {
            try {
                Scenario next = switch (change) {
                    case Change.AgreementEvent e -> withEvent(e.agreement(), e.event());
                    case Change.ScopeChange s -> withScope(s);
                    case Change.NewAgreement n -> withAgreement(n.agreement());
                    case Change.NewParty p -> withParty(p.member());
                    case Change.HubOutage o -> withOutage(o);
                };
                current = next;
                return Optional.empty();
            } catch (Refused r) {
                return Optional.of(r.getMessage());
            } catch (IllegalArgumentException e) {
                // The scenario's own checks: whatever the ones here did not foresee is still refused, in its words.
                return Optional.of(e.getMessage());
            }
        }

        private Agreement agreement(String id) {
            return current.agreement(id).orElseThrow(() -> new Refused("there is no agreement '" + id
                    + "' in the scenario (" + String.join(", ", current.agreements().stream().map(Agreement::id)
                    .toList()) + ")"));
        }

        private Scenario withEvent(String id, LifecycleEvent event) {
            Agreement a = agreement(id);
            event.by().ifPresent(p -> {
                if (!a.parties().contains(p)) {
                    throw new Refused(p + " is not a party to " + id + " " + a.parties());
                }
            });
            Optional<LifecycleEvent> signed = a.events().stream()
                    .filter(e -> e.type() == LifecycleEvent.EventType.SIGNED).findFirst();
            if (signed.isPresent() && event.at().isBefore(signed.get().at())) {
                throw new Refused("the " + event.type() + " of " + AgreementStatus.format(event.at())
                        + " comes before the agreement's signature on " + AgreementStatus.format(signed.get().at()));
            }
            // Among the agreement's events by date; after those of the same instant, which happened first.
            var events = new ArrayList<>(a.events());
            int at = 0;
            while (at < events.size() && !events.get(at).at().isAfter(event.at())) {
                at++;
            }
            events.add(at, event);
            List<Lifecycle.EventProblem> problems = Lifecycle.problems(a.term(), a.noticePeriod(), events);
            if (!problems.isEmpty()) {
                Lifecycle.EventProblem p = problems.getFirst();
                String what = "the " + event.type() + " of " + AgreementStatus.format(event.at());
                if (p.index() == at) {
                    throw new Refused(what + " is impossible: " + p.message());
                }
                LifecycleEvent later = events.get(p.index());
                throw new Refused(what + " makes the agreement's " + later.type() + " of "
                        + AgreementStatus.format(later.at()) + " impossible: " + p.message());
            }
            return replace(a.withEvents(events));
        }

        private Scenario withScope(Change.ScopeChange s) {
            Agreement a = agreement(s.agreement());
            s.scope().highest().forEach((party, level) -> {
                if (!a.parties().contains(party)) {
                    throw new Refused(party + " is not a party to " + a.id() + " " + a.parties()
                            + ", so the scope cannot name its highest level");
                }
                requireLevel(level);
            });
            return withEvent(a.id(), new LifecycleEvent.Amended(s.from(), s.by(), s.note(), Optional.of(s.scope())));
        }

        private Scenario withAgreement(Agreement a) {
            if (current.agreement(a.id()).isPresent()) {
                throw new Refused("the scenario already has an agreement '" + a.id() + "'");
            }
            for (Party p : a.parties()) {
                if (!current.has(p)) {
                    throw new Refused("party " + p + " is not in the scenario (a change before this one may add it)");
                }
            }
            var agreements = new ArrayList<>(current.agreements());
            agreements.add(a);
            return build(current.members(), agreements, current.outages());
        }

        private Scenario withParty(Member m) {
            if (current.has(m.party())) {
                throw new Refused(m.party() + " is already a party of the scenario");
            }
            var members = new ArrayList<>(current.members());
            members.add(m);
            return build(members, current.agreements(), current.outages());
        }

        private Scenario withOutage(Change.HubOutage o) {
            if (!current.has(o.hub())) {
                throw new Refused("party " + o.hub() + " is not in the scenario");
            }
            boolean hub = current.agreements().stream().anyMatch(a -> a.hub().equals(Optional.of(o.hub()))
                    && (a.kind() == AgreementKind.HUB_ARRANGEMENT || a.kind() == AgreementKind.DATA_MECHANISM));
            if (!hub) {
                throw new Refused(o.hub() + " is the hub of no hub arrangement or data mechanism, so an outage of its "
                        + "node changes no route");
            }
            var outages = new ArrayList<>(current.outages());
            outages.add(new Outage(o.hub(), o.from(), o.until()));
            return build(current.members(), current.agreements(), outages);
        }

        private void requireLevel(Level level) {
            if (!current.has(level.party()) || !current.scheme(level.party()).contains(level)) {
                throw new Refused(level.name() + " is not a level of " + level.party() + " in the scenario");
            }
        }

        private Scenario replace(Agreement changed) {
            var agreements = current.agreements().stream()
                    .map(x -> x.id().equals(changed.id()) ? changed : x).toList();
            return build(current.members(), agreements, current.outages());
        }

        private Scenario build(List<Member> members, List<Agreement> agreements, List<Outage> outages) {
            return new Scenario(members, agreements, current.channels(), current.sites(), outages);
        }
    }

    /** A change that makes no sense on the draft, in a sentence. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
