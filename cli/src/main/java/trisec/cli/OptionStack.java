package trisec.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import trisec.DomainException;
import trisec.option.Option;
import trisec.scenario.Scenario;
import trisec.scenario.file.InvalidScenarioException;
import trisec.scenario.file.OptionFiles;

/**
 * Option files applied in turn to a scenario: each is read against the scenario the ones before it made, since a
 * later one may name what an earlier one adds ("TISA widened" after "KOR gives notice" is both).
 *
 * @param files    the files, in the order applied
 * @param options  what each file says
 * @param scenario the scenario with every option applied
 */
record OptionStack(List<Path> files, List<Option> options, Scenario scenario) {

    OptionStack {
        files = List.copyOf(files);
        options = List.copyOf(options);
    }

    /**
     * @throws DomainException naming the first bad file, the line of its first problem, how many more it has and the
     *                         command that lists them all (the command line answers bad input in one line)
     */
    static OptionStack load(List<Path> files, Scenario real) {
        Scenario current = real;
        var options = new ArrayList<Option>();
        for (Path file : files) {
            Option option;
            try {
                option = OptionFiles.load(file, current);
            } catch (InvalidScenarioException e) {
                throw new DomainException(e.getMessage() + (e.problems().size() > 1
                        ? "; 'trisec options check " + String.join(" ", files.subList(0, files.indexOf(file) + 1)
                        .stream().map(Path::toString).toList()) + "' lists each on its line" : ""));
            }
            current = option.applyTo(current);
            options.add(option);
        }
        return new OptionStack(files, options, current);
    }

    /** {@code a.yaml+b.yaml}: the files of one column of a comparison, applied in that order. */
    static List<Path> split(String joined) {
        var files = new ArrayList<Path>();
        for (String part : joined.split("\\+", -1)) {
            if (part.isBlank()) {
                throw new DomainException("'" + joined + "' names an empty file; join option files with '+', as in "
                        + "kor-notice-2026.yaml+tisa-widened.yaml");
            }
            files.add(Path.of(part));
        }
        return files;
    }

    /** The options' names, joined with " + " as they were applied. */
    String name() {
        return String.join(" + ", options.stream().map(Option::name).toList());
    }
}
