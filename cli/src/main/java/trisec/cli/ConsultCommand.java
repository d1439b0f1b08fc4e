package trisec.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import trisec.DomainException;
import trisec.consult.ChannelHealth;
import trisec.node.api.ChannelViews;
import trisec.party.Party;

/** {@code trisec consult}: the consultation mechanism, read from the scenario file, offline. */
@Command(name = "consult", mixinStandardHelpOptions = true,
        description = "The consultation channels of the scenario, offline.",
        subcommands = {ConsultCommand.Status.class})
final class ConsultCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** {@code trisec consult status}: every channel's health on a date, as the node's dialogue page shows it. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Each channel on a date: last meeting, status (MET, DUE, OVERDUE, DORMANT, STANDING,",
                    "NOT_ESTABLISHED, PLANNED, NO_RECORD), who hosts now and next. Overdue and dormant channels",
                    "are listed at the end as the secretariat's alert. Thresholds: docs/CONSULTATION.md."})
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--at", paramLabel = "DATE", description = "The date, YYYY-MM-DD (default: today, UTC).")
        String at;

        @Mixin
        ScenarioOption scenarioOption;

        @Mixin
        JsonOption output;

        @Override
        public Integer call() {
            LocalDate when = date(at);
            List<ChannelHealth> channels = ChannelHealth.of(scenarioOption.load().channels(), when);
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                JsonOutput.print(out, ChannelViews.board(when, channels));
                return 0;
            }
            out.println("Consultation channels on " + when + ":");
            out.println();
            String format = "%-28s %-22s %-11s %-16s %-5s %s%n";
            out.printf(format, "CHANNEL", "CADENCE", "LAST MET", "STATUS", "HOST", "NEXT HOST");
            for (ChannelHealth h : channels) {
                var c = h.channel();
                String cadence = c.cadence().name().toLowerCase(java.util.Locale.ROOT) + (c.modelled() ? " (modelled)" : "");
                out.printf(format, c.id(), cadence, h.lastMet().map(m -> m.start().toString()).orElse("-"),
                        h.status().name(), h.host().map(Party::code).orElse("-"),
                        h.nextHost().map(p -> p.code() + " from " + h.nextHostFrom().orElseThrow()).orElse("-"));
            }
            List<ChannelHealth> alerts = channels.stream().filter(h -> h.status().alerts()).toList();
            out.println();
            if (alerts.isEmpty()) {
                out.println("No channel overdue or dormant.");
            } else {
                out.println("For the secretariat, overdue or dormant:");
                for (ChannelHealth h : alerts) {
                    out.println("  " + h.channel().id() + "  " + h.status() + ", last met "
                            + h.lastMet().orElseThrow().start() + ", due by " + h.dueBy().orElseThrow()
                            + " (" + h.daysSince().orElseThrow() + " days since)");
                }
            }
            return 0;
        }

        private static LocalDate date(String at) {
            if (at == null) {
                return LocalDate.now(ZoneOffset.UTC);
            }
            try {
                return LocalDate.parse(at.strip());
            } catch (DateTimeParseException e) {
                throw new DomainException("--at must be a date written as 2019-10-01, not \"" + at + "\"");
            }
        }
    }
}
