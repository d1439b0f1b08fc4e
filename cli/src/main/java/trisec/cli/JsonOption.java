package trisec.cli;

import picocli.CommandLine.Option;

/** {@code --json}, which every command offers (DESIGN §4). */
final class JsonOption {
    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;
}
