package trisec.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import trisec.DomainException;

/**
 * The {@code trisec} command. Reading this class shows every command there is; each one is a small class
 * that parses its options, asks the domain, and prints. Bad input exits 2 with one line on standard error.
 */
@Command(name = "trisec",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Security cooperation between national nodes, exactly as the agreements allow.",
        subcommands = {
                DemoCommand.class,
                NodeCommand.class,
                DecideCommand.class,
                AgreementsCommand.class,
                LabelCommand.class,
                ScenarioCommand.class,
                KeysCommand.class,
                AuditCommand.class,
                WarnCommand.class,
                ConsultCommand.class,
                StatementCommand.class,
                OptionsCommand.class,
        })
public final class Main implements Runnable {
    /** Exit status for input the command cannot use. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        // Korean and Japanese level names must survive whatever locale the terminal has.
        var out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        var err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int status = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs one command line; the tests call this directly. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        var cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((e, a) -> {
            err.println(e.getCommandLine().getCommandSpec().qualifiedName() + ": " + firstLine(e.getMessage())
                    + " (see " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof DomainException) {
                err.println(cmd.getCommandSpec().qualifiedName() + ": " + firstLine(e.getMessage()));
                return BAD_INPUT;
            }
            // Never a stack trace for the user; the type and message say enough to report it.
            err.println(cmd.getCommandSpec().qualifiedName() + ": internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())));
            return 1;
        });
        return cl.execute(args);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"trisec " + (v == null ? "(development build)" : v) + " on Java " + Runtime.version()};
        }
    }
}
