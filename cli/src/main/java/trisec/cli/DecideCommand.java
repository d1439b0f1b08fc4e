package trisec.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import trisec.node.api.Views;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import trisec.DateOrInstant;
import trisec.agreement.AgreementStatus;
import trisec.party.Party;
import trisec.policy.Reason;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleasePolicy;
import trisec.policy.ReleaseRequest;
import trisec.scenario.Scenario;

/** {@code trisec decide}: may this item go from the holder to that party on this date, and why? */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = {"Decide a release (DESIGN §2): the decision, route, basis, recipient level and reasons.",
                "Exit 0 for any decision; 2 for bad input."})
final class DecideCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--at", required = true, paramLabel = "DATE|INSTANT",
            description = "When: 2017-03-01 (00:00 UTC) or 2017-03-01T09:00:00Z.")
    String at;

    @Mixin
    LabelOptions label;

    @Option(names = "--holder", paramLabel = "P", description = "Party holding the item (default: the originator).")
    String holder;

    @Option(names = "--to", required = true, paramLabel = "P", description = "Recipient party.")
    String to;

    @Option(names = "--consent", description = "The originator's consent to this onward release is on record.")
    boolean consent;

    @Mixin
    ScenarioOption scenarioOption;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        Instant when = DateOrInstant.parse(at);
        Scenario scenario = scenarioOption.load();
        var l = label.label(scenario);
        Party h = holder == null ? l.originator() : scenario.party(holder);
        Party r = scenario.party(to);
        ReleaseDecision d = ReleasePolicy.of(scenario).decide(new ReleaseRequest(l, h, r, when, consent));
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            JsonOutput.print(out, Views.decision(d));
        } else {
            print(out, d, when);
        }
        return 0;
    }

    private static void print(PrintWriter out, ReleaseDecision d, Instant when) {
        var line = new StringBuilder(d.verdict().name());
        if (!d.route().isEmpty()) {
            line.append("  ").append(String.join(" → ", d.route().stream().map(Party::code).toList()));
        }
        if (!d.basis().isEmpty()) {
            line.append("  under ").append(String.join(", ", d.basis()));
        }
        line.append("  on ").append(AgreementStatus.format(when));
        out.println(line);
        d.recipientLevel().ifPresent(level -> out.println("recipient level: " + level.name()));
        for (Reason r : d.reasons()) {
            out.println("  - " + r.message());
        }
    }
}
