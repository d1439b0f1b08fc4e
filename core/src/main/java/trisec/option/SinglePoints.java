package trisec.option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementKind;
import trisec.agreement.AgreementStatus;
import trisec.agreement.LifecycleEvent;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.ReleasePolicy;
import trisec.scenario.Outage;
import trisec.scenario.Scenario;
import trisec.topic.Topic;

/**
 * The single points of failure of a scenario at an instant: for every agreement a release can rest on (an SIA, a hub
 * arrangement, a data mechanism) in force then, and every party then the hub of one of those, what would reach
 * nothing if that one agreement had ended at that instant, or that hub's node were down. Each is found by making the
 * failure in a copy of the scenario and drawing its matrix again with the same release policy.
 */
public record SinglePoints(Instant at, List<Point> points) {

    /** One thing that may fail. */
    public sealed interface Failure {
        String describe();

        /** The agreement ends at the instant: its events up to then, and a termination. */
        record AgreementEnds(String agreement) implements Failure {
            public String describe() {
                return agreement + " ends";
            }
        }

        /** The hub's node forwards nothing from the instant on. */
        record HubDown(Party hub) implements Failure {
            public String describe() {
                return "the hub " + hub + " is down";
            }
        }
    }

    /**
     * The originator's levels on a topic that reach the recipient now, by any route, and would reach it by none
     * after the failure.
     */
    public record Loss(Party originator, Party recipient, Topic topic, List<Level> levels) {
        public Loss {
            levels = List.copyOf(levels);
        }
    }

    /** A failure with everything it would cut off; {@code losses} is empty when another route is left for all. */
    public record Point(Failure failure, List<Loss> losses) {
        public Point {
            losses = List.copyOf(losses);
        }

        public boolean cutsOff(Party originator, Party recipient, Topic topic) {
            return losses.stream().anyMatch(l -> l.originator().equals(originator) && l.recipient().equals(recipient)
                    && l.topic().equals(topic));
        }
    }

    public SinglePoints {
        points = List.copyOf(points);
    }

    /** Over the scenario's own topic tree. */
    public static SinglePoints of(Scenario scenario, Instant at) {
        return of(scenario, at, TopicTree.of(scenario));
    }

    public static SinglePoints of(Scenario scenario, Instant at, TopicTree tree) {
        Reachability now = Reachability.of(ReleasePolicy.of(scenario), at, tree);
        var points = new ArrayList<Point>();
        var hubs = new LinkedHashSet<Party>();
        for (Agreement a : scenario.agreements()) {
            if (!carriesReleases(a) || !scenario.lifecycle(a).inForceAt(at)) {
                continue;
            }
            if (a.hub().isPresent() && a.kind() != AgreementKind.SIA) {
                hubs.add(a.hub().get());
            }
            points.add(point(new Failure.AgreementEnds(a.id()), now, ended(scenario, a, at), at, tree));
        }
        for (Party hub : hubs) {
            var outages = new ArrayList<>(scenario.outages());
            outages.add(new Outage(hub, at, Instant.MAX));
            Scenario down = new Scenario(scenario.members(), scenario.agreements(), scenario.channels(),
                    scenario.sites(), outages);
            points.add(point(new Failure.HubDown(hub), now, down, at, tree));
        }
        return new SinglePoints(at, points);
    }

    private static boolean carriesReleases(Agreement a) {
        return a.kind() == AgreementKind.SIA || a.kind() == AgreementKind.HUB_ARRANGEMENT
                || a.kind() == AgreementKind.DATA_MECHANISM;
    }

    /** The scenario as if the agreement had terminated at {@code at}: what was to come after is dropped. */
    private static Scenario ended(Scenario scenario, Agreement a, Instant at) {
        var events = new ArrayList<LifecycleEvent>(a.events().stream().filter(e -> !e.at().isAfter(at)).toList());
        events.add(new LifecycleEvent.Terminated(at, Optional.empty(),
                "hypothetical: ended " + AgreementStatus.format(at)));
        Agreement ended = a.withEvents(events);
        var agreements = scenario.agreements().stream().map(x -> x.id().equals(a.id()) ? ended : x).toList();
        return new Scenario(scenario.members(), agreements, scenario.channels(), scenario.sites(),
                scenario.outages());
    }

    private record Pair(Party originator, Party recipient, Topic topic) {}

    private static Point point(Failure failure, Reachability now, Scenario after, Instant at, TopicTree tree) {
        Reachability then = Reachability.of(ReleasePolicy.of(after), at, tree);
        Map<Pair, Loss> losses = new LinkedHashMap<>();
        for (Reachability.Entry e : now.entries()) {
            if (e.cell().reaches() && !then.cell(e.originator(), e.recipient(), e.topic(), e.level()).reaches()) {
                Pair key = new Pair(e.originator(), e.recipient(), e.topic());
                Loss old = losses.get(key);
                var levels = new ArrayList<Level>(old == null ? List.of() : old.levels());
                levels.add(e.level());
                losses.put(key, new Loss(e.originator(), e.recipient(), e.topic(), levels));
            }
        }
        return new Point(failure, List.copyOf(losses.values()));
    }
}
