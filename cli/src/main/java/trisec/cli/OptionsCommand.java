package trisec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import trisec.DateOrInstant;
import trisec.DomainException;
import trisec.agreement.AgreementStatus;
import trisec.option.Cell;
import trisec.option.Comparison;
import trisec.option.Reach;
import trisec.option.Reachability;
import trisec.option.ReachabilityDiff;
import trisec.option.ReachabilityDiffTimeline;
import trisec.option.SiteDiff;
import trisec.option.SinglePoints;
import trisec.party.Level;
import trisec.party.Party;
import trisec.scenario.Scenario;
import trisec.scenario.file.OptionFiles;
import trisec.scenario.file.Problem;
import trisec.scenario.json.OptionTrees;
import trisec.topic.Topic;

/**
 * {@code trisec options}: what an option (a named set of hypothetical changes, docs/OPTIONS.md) would do to the
 * scenario, answered offline by the same release policy on a copy of it. Nothing real changes.
 */
@Command(name = "options", mixinStandardHelpOptions = true,
        description = {"Options: what if? Hypothetical changes to a copy of the scenario, answered by the same",
                "release policy (docs/OPTIONS.md). Nothing real changes."},
        subcommands = {OptionsCommand.Apply.class, OptionsCommand.Compare.class, OptionsCommand.Check.class})
final class OptionsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: apply, compare or check");
    }

    /** {@code trisec options apply FILE… --at D} or {@code --from D --to D}. */
    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = {"What an option changes, against the scenario as it is: on a date (--at), the cells of",
                    "the reachability matrix that change (pair, topic, levels: before ⇒ after, with route and",
                    "basis), the single points of failure before and after, and the sites (the UN-flagged bases)",
                    "whose agreement stands otherwise; over a stretch of time (--from, --to), when the changes",
                    "begin and end. Several files are applied in turn, each read against what the ones before made.",
                    "Exit 0 with the answer; 2 for bad input (a bad file: its first problem with its line;",
                    "'trisec options check' lists them all)."})
    static final class Apply implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Option files, applied in this order.")
        List<Path> files;

        @Option(names = "--at", paramLabel = "DATE|INSTANT", description = "When: 2026-12-01 (00:00 UTC) or an instant.")
        String at;

        @Option(names = "--from", paramLabel = "DATE|INSTANT", description = "Start of a stretch of time (inclusive).")
        String from;

        @Option(names = "--to", paramLabel = "DATE|INSTANT", description = "End of the stretch (exclusive).")
        String to;

        @Mixin
        ScenarioOption scenarioOption;

        @Mixin
        JsonOption output;

        @Override
        public Integer call() {
            boolean range = from != null || to != null;
            if ((at == null) == !range || range && (from == null || to == null)) {
                throw new ParameterException(spec.commandLine(), "give --at D, or --from D and --to D");
            }
            PrintWriter out = spec.commandLine().getOut();
            if (!range) {
                Instant when = DateOrInstant.parse(at);
                Scenario real = scenarioOption.load();
                OptionStack stack = OptionStack.load(files, real);
                on(out, real, stack, when);
                return 0;
            }
            Instant start = DateOrInstant.parse(from);
            Instant end = DateOrInstant.parse(to);
            if (!end.isAfter(start)) {
                throw new DomainException("--to " + to + " must come after --from " + from);
            }
            Scenario real = scenarioOption.load();
            OptionStack stack = OptionStack.load(files, real);
            over(out, real, stack, start, end);
            return 0;
        }

        private void on(PrintWriter out, Scenario real, OptionStack stack, Instant when) {
            ReachabilityDiff diff = ReachabilityDiff.of(real, stack.scenario(), when);
            SinglePoints before = SinglePoints.of(real, when, diff.before().tree());
            SinglePoints after = SinglePoints.of(stack.scenario(), when, diff.after().tree());
            SiteDiff sites = SiteDiff.of(real, stack.scenario(), when);
            if (output.json) {
                JsonOutput.print(out, OptionTrees.picture(OptionViews.options(stack.files(), stack.options()), diff,
                        before, after, sites));
                return;
            }
            header(out, stack);
            out.println();
            out.println("On " + AgreementStatus.format(when) + ", the scenario as it is ⇒ with the option:");
            out.println("  " + counts(diff.before().counts(), diff.after().counts()));
            out.println();
            changes(out, "", diff, "  ");
            out.println();
            out.println("Single points of failure, the scenario as it is:");
            points(out, before);
            out.println("Single points of failure, with the option:");
            points(out, after);
            out.println();
            if (sites.isEmpty()) {
                out.println("Sites: no site's status changes (" + real.sites().size() + " sites).");
            } else {
                long lost = sites.changes().stream().filter(SiteDiff.Changed::lost).count();
                out.println("Sites whose agreement stands otherwise (" + sites.changes().size() + " of "
                        + real.sites().size() + "; " + lost + " no longer covered):");
                sites.changes().forEach(c -> out.println("  " + OptionViews.site(c)));
            }
        }

        private void over(PrintWriter out, Scenario real, OptionStack stack, Instant start, Instant end) {
            var timeline = ReachabilityDiffTimeline.of(real, stack.scenario(), start, end);
            if (output.json) {
                JsonOutput.print(out, OptionTrees.stretch(OptionViews.options(stack.files(), stack.options()),
                        timeline));
                return;
            }
            header(out, stack);
            out.println();
            out.println("From " + AgreementStatus.format(start) + " to " + AgreementStatus.format(end)
                    + ", the scenario as it is ⇒ with the option:");
            for (ReachabilityDiffTimeline.Stretch s : timeline.stretches()) {
                changes(out, "  " + AgreementStatus.format(s.from()) + " .. " + AgreementStatus.format(s.until()),
                        s.diff(), "    ");
            }
        }

        private static void header(PrintWriter out, OptionStack stack) {
            for (int i = 0; i < stack.options().size(); i++) {
                var o = stack.options().get(i);
                out.println((i == 0 ? "Option: " : "then:   ") + o.name() + "  (" + stack.files().get(i) + ")");
                if (!o.description().isBlank()) {
                    out.println("  " + o.description());
                }
                for (int c = 0; c < o.changes().size(); c++) {
                    out.println("  change " + (c + 1) + ": " + o.changes().get(c).describe());
                }
            }
        }

        private static String counts(Map<Reach, Integer> before, Map<Reach, Integer> after) {
            var parts = new ArrayList<String>();
            int total = 0;
            for (Reach r : Reach.values()) {
                parts.add(r + " " + before.get(r) + " ⇒ " + after.get(r));
                total += after.get(r);
            }
            return String.join(", ", parts) + " (" + total + " cells)";
        }

        private static void changes(PrintWriter out, String title, ReachabilityDiff diff, String indent) {
            String lead = title.isEmpty() ? "" : title + ": ";
            if (diff.isEmpty()) {
                out.println(lead + (title.isEmpty() ? "No cell changes." : "no cell changes."));
                return;
            }
            long lost = diff.changes().stream().filter(ReachabilityDiff.Changed::lost).count();
            long gained = diff.changes().stream().filter(ReachabilityDiff.Changed::gained).count();
            out.println(lead + diff.changes().size() + " cells change (" + lost + " lose every route, " + gained
                    + " find one):");
            OptionViews.groups(diff.changes()).forEach(g -> out.println(indent + OptionViews.group(g)));
        }

        private static void points(PrintWriter out, SinglePoints points) {
            if (points.points().isEmpty()) {
                out.println("  nothing a release rests on is in force.");
            }
            points.points().forEach(p -> OptionViews.point(p).forEach(line -> out.println("  " + line)));
        }
    }

    /** {@code trisec options compare A B … --at D}. */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"Two to four options side by side on a date, each against the scenario as it is: how",
                    "many cells of the reachability matrix each keeps (on the same route), reroutes, loses and",
                    "gains, how many sites stay covered, and a table of every cell that changes under any of",
                    "them. An OPTION is a file, or files joined with '+' (a.yaml+b.yaml applies b after a).",
                    "Exit 0; 2 for bad input."})
    static final class Compare implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "OPTION", description = "2 to 4 option files (or a.yaml+b.yaml).")
        List<String> columns;

        @Option(names = "--at", required = true, paramLabel = "DATE|INSTANT",
                description = "When: 2026-12-01 (00:00 UTC) or an instant.")
        String at;

        @Mixin
        ScenarioOption scenarioOption;

        @Mixin
        JsonOption output;

        /** One option's column: the files it applies and what it does (core's comparison). */
        private record Column(String label, String given, OptionStack stack, Comparison.Column compared) {
            ReachabilityDiff diff() {
                return compared.diff();
            }
        }

        private record Key(Party originator, Party recipient, Topic topic, Level level) {}

        @Override
        public Integer call() {
            if (columns.size() < 2 || columns.size() > 4) {
                throw new ParameterException(spec.commandLine(), "compare takes 2 to 4 options, got "
                        + columns.size());
            }
            Instant when = DateOrInstant.parse(at);
            Scenario real = scenarioOption.load();
            var stacks = new ArrayList<OptionStack>();
            for (String column : columns) {
                stacks.add(OptionStack.load(OptionStack.split(column), real));
            }
            Comparison compared = Comparison.of(real, when, stacks.stream().map(OptionStack::scenario).toList());
            Reachability now = compared.now();
            var cols = new ArrayList<Column>();
            for (int i = 0; i < stacks.size(); i++) {
                cols.add(new Column(String.valueOf((char) ('A' + i)), columns.get(i), stacks.get(i),
                        compared.columns().get(i)));
            }
            long reach = compared.reach();
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                JsonOutput.print(out, OptionTrees.comparison(compared, stacks.stream()
                        .map(st -> OptionViews.options(st.files(), st.options())).toList()));
                return 0;
            }
            out.println("Compared on " + AgreementStatus.format(when) + " with the scenario as it is ("
                    + now.entries().size() + " cells, " + reach + " reach by some route):");
            for (Column c : cols) {
                out.println("  " + c.label() + "  " + c.stack().name() + "  (" + c.given() + ")");
            }
            out.println();
            String row = "%-15s%8s" + "%8s".repeat(cols.size()) + "%n";
            out.printf(row, header(cols));
            out.printf(row, line("reach", reach, cols, c -> c.compared().totals().reach()));
            out.printf(row, line("kept", null, cols, c -> c.compared().totals().kept()));
            out.printf(row, line("rerouted", null, cols, c -> c.compared().totals().rerouted()));
            out.printf(row, line("lost", null, cols, c -> c.compared().totals().lost()));
            out.printf(row, line("gained", null, cols, c -> c.compared().totals().gained()));
            out.printf(row, line("sites covered", (long) compared.sitesCovered(), cols,
                    c -> c.compared().sitesCovered()));
            out.println("(kept: on the same route; rerouted: on another; lost: by no route; gained: where none was)");
            out.println();
            table(out, now, cols);
            return 0;
        }

        private static Object[] header(List<Column> cols) {
            var cells = new ArrayList<Object>(List.of("", "now"));
            cols.forEach(c -> cells.add(c.label()));
            return cells.toArray();
        }

        private static Object[] line(String name, Long now, List<Column> cols,
                                     java.util.function.ToLongFunction<Column> value) {
            var cells = new ArrayList<Object>(List.of(name, now == null ? "-" : now.toString()));
            cols.forEach(c -> cells.add(Long.toString(value.applyAsLong(c))));
            return cells.toArray();
        }

        /**
         * Every cell that changes under any option: its reach now and under each option ({@code *} where the reach
         * is the same but the route or basis is not), neighbouring levels that read alike on one line.
         */
        private static void table(PrintWriter out, Reachability now, List<Column> cols) {
            var rows = new LinkedHashSet<Key>();
            var parties = new LinkedHashSet<Party>(now.parties());
            for (Column col : cols) {
                parties.addAll(col.diff().after().parties());
                for (ReachabilityDiff.Changed c : col.diff().changes()) {
                    rows.add(new Key(c.originator(), c.recipient(), c.topic(), c.level()));
                }
            }
            if (rows.isEmpty()) {
                out.println("No option changes a cell.");
                return;
            }
            List<Party> order = List.copyOf(parties);
            List<Topic> topics = now.tree().rows();
            var keys = new ArrayList<>(rows);
            keys.sort(Comparator.comparingInt((Key k) -> order.indexOf(k.originator()))
                    .thenComparingInt(k -> order.indexOf(k.recipient()))
                    .thenComparingInt(k -> topics.indexOf(k.topic()))
                    .thenComparingInt(k -> k.level().ordinal()));
            int topicWidth = Math.max(5, keys.stream().mapToInt(k -> k.topic().path().length()).max().orElse(0));
            String row = "%-11s%-" + (topicWidth + 2) + "s%-9s" + "%-9s".repeat(cols.size()) + "%s%n";
            var head = new ArrayList<Object>(List.of("FROM → TO", "TOPIC", "NOW"));
            cols.forEach(c -> head.add(c.label()));
            head.add("LEVELS");
            out.println("What changes (* the same reach on another route or basis):");
            out.printf(row, head.toArray());
            List<String> previous = null;
            List<Level> levels = new ArrayList<>();
            Key first = null;
            for (Key k : keys) {
                var cells = new ArrayList<String>();
                Cell was = now.cell(k.originator(), k.recipient(), k.topic(), k.level());
                cells.add(was.reach().name());
                for (Column c : cols) {
                    Cell is = c.diff().after().cell(k.originator(), k.recipient(), k.topic(), k.level());
                    cells.add(is.reach().name() + (is.reach() == was.reach() && !is.equals(was) ? "*" : ""));
                }
                boolean same = first != null && first.originator().equals(k.originator())
                        && first.recipient().equals(k.recipient()) && first.topic().equals(k.topic())
                        && cells.equals(previous);
                if (!same) {
                    if (first != null) {
                        print(out, row, first, previous, levels);
                    }
                    first = k;
                    previous = cells;
                    levels = new ArrayList<>();
                }
                levels.add(k.level());
            }
            print(out, row, first, previous, levels);
        }

        private static void print(PrintWriter out, String row, Key k, List<String> cells, List<Level> levels) {
            var values = new ArrayList<Object>(List.of(OptionViews.pair(k.originator(), k.recipient()),
                    k.topic().path()));
            values.addAll(cells);
            values.add(OptionViews.levels(levels));
            out.printf(row, values.toArray());
        }
    }

    /** {@code trisec options check FILE…}: every problem of the files, each on its line. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Validate option files against the scenario and report every problem with its line",
                    "(FILE:LINE: problem). Several files are checked in turn, each against the scenario the valid",
                    "ones before it made. Exit 0 when all are valid, 1 when one has problems, 2 when one cannot be",
                    "read."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Option files, in the order applied.")
        List<Path> files;

        @Mixin
        ScenarioOption scenarioOption;

        @Mixin
        JsonOption output;

        @Override
        public Integer call() {
            Scenario current = scenarioOption.load();
            var results = new ArrayList<Map<String, Object>>();
            var lines = new ArrayList<String>();
            int total = 0;
            for (Path file : files) {
                List<Problem> problems = OptionFiles.check(file, current);
                var m = new LinkedHashMap<String, Object>();
                m.put("file", file.toString());
                m.put("valid", problems.isEmpty());
                m.put("problems", problems.stream().map(p -> {
                    var pm = new LinkedHashMap<String, Object>();
                    pm.put("line", p.line());
                    pm.put("message", p.message());
                    return pm;
                }).toList());
                results.add(m);
                if (problems.isEmpty()) {
                    var option = OptionFiles.load(file, current);
                    current = option.applyTo(current);
                    lines.add(file + ": valid (" + option.name() + ", " + option.changes().size()
                            + (option.changes().size() == 1 ? " change)" : " changes)"));
                } else {
                    problems.forEach(p -> lines.add(file + ":" + p.line() + ": " + p.message()));
                    total += problems.size();
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                var m = new LinkedHashMap<String, Object>();
                m.put("valid", total == 0);
                m.put("files", results);
                JsonOutput.print(out, m);
            } else {
                lines.forEach(out::println);
                if (total > 0) {
                    out.println(total + (total == 1 ? " problem" : " problems"));
                }
            }
            return total == 0 ? 0 : 1;
        }
    }
}
