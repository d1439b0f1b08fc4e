package trisec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import trisec.DateOrInstant;
import trisec.agreement.AgreementStatus;
import trisec.node.Node;
import trisec.node.demo.Demo;
import trisec.party.Party;

/** {@code trisec demo}: the KOR, JPN and USA nodes in one process. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the KOR (8081), JPN (8082) and USA (8083) nodes in one process on 127.0.0.1, wired as",
                "peers, with demo persons (password 'demo'). Stop with Ctrl-C."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Keep the nodes' data here (default: a temporary directory).")
    Path data;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "Run the nodes' clocks from this instant, e.g. 2015-06-01T00:00:00Z (TISA only).")
    String asOf;

    @Mixin
    ScenarioOption scenarioOption;

    @Override
    public Integer call() throws InterruptedException {
        var when = Optional.ofNullable(asOf).map(DateOrInstant::parse);
        Demo demo = Demo.start(Optional.ofNullable(data), when, scenarioOption.load(), Demo.PORTS);
        PrintWriter out = spec.commandLine().getOut();
        out.println("trisec demo: three national nodes" + when.map(t -> ", clocks from " + AgreementStatus.format(t))
                .orElse(""));
        for (Node n : demo.nodes()) {
            String p = n.party().code().toLowerCase(java.util.Locale.ROOT);
            out.printf("  %s  %s   persons: %s.officer %s.disclosure %s.approver %s.analyst %s.policy %s.guest"
                    + " %s.admin %s.auditor %s.participant%n", n.party(), n.url(), p, p, p, p, p, p, p, p, p);
        }
        out.println("  each node's missile warnings go to the other two by a standing authority under"
                + " missile-warning-2023 (in force from 2023-12-19): trisec warn replay DATE");
        out.println("  password for every demo person: " + Demo.PASSWORD);
        out.println("  web UI: open " + demo.node(Party.of("KOR")).url() + " in a browser (Korean, Japanese or English)");
        out.println("  API description: " + demo.node(Party.of("KOR")).url() + "/api/v1/openapi.json");
        out.println("Stop with Ctrl-C.");
        out.flush();
        UntilInterrupted.run(demo);
        return 0;
    }
}
