package trisec.policy.oracle;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The test's own plain description of a scenario and a release request. The oracle computes only on these
 * records; {@link ToCore} turns them into core objects for the engine. Nothing here knows about core types,
 * so the oracle cannot lean on core logic by accident.
 */
final class Model {
    private Model() {}

    /** A level of a party's scheme; rank 0 is UNCLASSIFIED, higher is more protected, ties allowed. */
    record Lvl(String name, int rank) {}

    /** A party with its levels, highest first, UNCLASSIFIED last. */
    record Nation(String code, List<Lvl> levels) {
        Lvl level(String name) {
            for (Lvl l : levels) {
                if (l.name().equals(name)) {
                    return l;
                }
            }
            throw new IllegalArgumentException(code + " has no level " + name);
        }

        Lvl unclassified() {
            return levels.getLast();
        }

        @Override
        public String toString() {
            return code + levels.stream().map(l -> l.name() + "/" + l.rank()).toList();
        }
    }

    enum Kind { SIA, HUB_ARRANGEMENT, TREATY, FRAMEWORK, DATA_MECHANISM, COMMITMENT }

    enum Step { SIGNED, IN_FORCE, TERMINATION_NOTICE, NOTICE_SUSPENDED, NOTICE_WITHDRAWN, TERMINATED, AMENDED }

    /**
     * What an agreement covers: {@code topics} empty = every topic; {@code highest} (party code to its highest
     * covered level name) empty = no highest levels named.
     */
    record Coverage(Optional<List<String>> topics, Map<String, String> highest) {
        @Override
        public String toString() {
            return "topics " + topics.map(Object::toString).orElse("(all)") + (highest.isEmpty() ? "" : " highest " + highest);
        }
    }

    /**
     * A lifecycle event; {@code effective} only on a notice that states its own date, {@code scope} only on an
     * amendment that gives the agreement a new coverage from its instant.
     */
    record Event(Step step, Instant at, Optional<Instant> effective, Optional<Coverage> scope) {
        Event(Step step, Instant at, Optional<Instant> effective) {
            this(step, at, effective, Optional.empty());
        }

        static Event of(Step step, Instant at) {
            return new Event(step, at, Optional.empty());
        }

        @Override
        public String toString() {
            return step + "@" + at + effective.map(e -> "(effective " + e + ")").orElse("")
                    + scope.map(c -> "(now " + c + ")").orElse("");
        }
    }

    /**
     * One row of an equivalence table: party code to its corresponding level names (first = marking level).
     */
    record Row(Map<String, List<String>> levels) {}

    /**
     * An agreement as data.
     *
     * @param topics  empty = no topic list (covers every topic); otherwise the listed subtrees
     * @param highest party code to its highest covered level name; empty = no highest levels named
     * @param hub     the hub party code, for hub arrangements (and sometimes data mechanisms)
     */
    record Deal(String id, Kind kind, List<String> parties, Optional<String> hub, Optional<List<String>> topics,
                Map<String, String> highest, List<Row> rows, Optional<Period> term, Optional<Period> noticePeriod,
                List<Event> events) {

        Deal withEvents(List<Event> newEvents) {
            return new Deal(id, kind, parties, hub, topics, highest, rows, term, noticePeriod, newEvents);
        }

        @Override
        public String toString() {
            return id + " " + kind + " " + parties + hub.map(h -> " hub " + h).orElse("")
                    + " topics " + topics.map(Object::toString).orElse("(all)")
                    + (highest.isEmpty() ? "" : " highest " + highest)
                    + " rows " + rows.stream().map(r -> r.levels().toString()).collect(Collectors.joining(" ", "[", "]"))
                    + term.map(p -> " term " + p).orElse("") + noticePeriod.map(p -> " notice " + p).orElse("")
                    + " events " + events;
        }
    }

    /** A party whose node forwards nothing for others from {@code from} (inclusive) to {@code until} (exclusive). */
    record Down(String party, Instant from, Instant until) {
        @Override
        public String toString() {
            return party + " down " + from + " .. " + until;
        }
    }

    /** Parties and agreements, both in declaration order, and the outages of parties' nodes. */
    record World(List<Nation> nations, List<Deal> deals, List<Down> outages) {
        World(List<Nation> nations, List<Deal> deals) {
            this(nations, deals, List.of());
        }

        Nation nation(String code) {
            for (Nation n : nations) {
                if (n.code().equals(code)) {
                    return n;
                }
            }
            throw new IllegalArgumentException("unknown party " + code);
        }

        String describe() {
            StringBuilder b = new StringBuilder();
            b.append("  parties:\n");
            nations.forEach(n -> b.append("    ").append(n).append('\n'));
            b.append("  agreements (declaration order):\n");
            deals.forEach(d -> b.append("    ").append(d).append('\n'));
            if (!outages.isEmpty()) {
                b.append("  outages:\n");
                outages.forEach(o -> b.append("    ").append(o).append('\n'));
            }
            return b.toString();
        }
    }

    /** A label as the request gives it: the releasability list as written (the originator may be missing). */
    record Tag(String originator, String level, List<String> releasableTo, boolean noforn, boolean orcon,
               String topic) {
        @Override
        public String toString() {
            return originator + " " + level + " topic " + topic + (noforn ? " NOFORN" : "") + (orcon ? " ORCON" : "")
                    + (releasableTo.isEmpty() ? "" : " REL TO " + releasableTo);
        }
    }

    record Ask(Tag label, String holder, String recipient, Instant at, boolean consent) {
        @Override
        public String toString() {
            return "[" + label + "] held by " + holder + " to " + recipient + " at " + at
                    + (consent ? " (consent on record)" : " (no consent on record)");
        }
    }

    enum Verdict { PERMIT, DENY, CONSENT_REQUIRED }

    /** What the differential test compares. */
    record Answer(Verdict verdict, List<String> route, List<String> basis, Optional<String> recipientLevel) {
        static Answer deny() {
            return new Answer(Verdict.DENY, List.of(), List.of(), Optional.empty());
        }

        @Override
        public String toString() {
            return verdict + " route " + route + " basis " + basis + " recipient level "
                    + recipientLevel.orElse("(none)");
        }
    }
}
