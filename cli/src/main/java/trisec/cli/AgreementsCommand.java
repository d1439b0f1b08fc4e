package trisec.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import trisec.node.api.Views;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import trisec.DateOrInstant;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementStatus;
import trisec.agreement.LifecycleEvent;
import trisec.party.Party;
import trisec.scenario.Scenario;

/** {@code trisec agreements}: every agreement and where it stands on a date. */
@Command(name = "agreements", mixinStandardHelpOptions = true,
        description = "List every agreement with its kind, parties and status on a date, and the events that led there.")
final class AgreementsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--at", paramLabel = "DATE|INSTANT", description = "When (default: now).")
    String at;

    @Mixin
    ScenarioOption scenarioOption;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        Instant when = at == null ? Instant.now() : DateOrInstant.parse(at);
        Scenario scenario = scenarioOption.load();
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            var list = new ArrayList<Object>();
            for (Agreement a : scenario.agreements()) {
                list.add(Views.agreement(a, scenario.lifecycle(a).statusAt(when), when));
            }
            var m = new LinkedHashMap<String, Object>();
            m.put("at", when.toString());
            m.put("agreements", list);
            JsonOutput.print(out, m);
            return 0;
        }
        out.println("Agreements on " + AgreementStatus.format(when) + ":");
        for (Agreement a : scenario.agreements()) {
            AgreementStatus status = scenario.lifecycle(a).statusAt(when);
            out.println();
            out.printf("%s  %s  %s%s%n", a.id(), a.kind(), String.join(", ", a.parties().stream().map(Party::code).toList()),
                    a.hub().map(h -> " (hub " + h + ")").orElse(""));
            out.println("  " + a.title());
            out.println("  status: " + status.describe());
            List<LifecycleEvent> past = a.events().stream().filter(e -> !e.at().isAfter(when)).toList();
            for (LifecycleEvent e : past) {
                var text = new StringBuilder("    " + AgreementStatus.format(e.at()) + "  " + e.type());
                e.by().ifPresent(p -> text.append(" by ").append(p));
                if (e instanceof LifecycleEvent.TerminationNotice n) {
                    n.effective().ifPresent(d -> text.append(", effective ").append(AgreementStatus.format(d)));
                }
                if (!e.note().isBlank()) {
                    text.append(" — ").append(e.note());
                }
                out.println(text);
            }
        }
        return 0;
    }
}
