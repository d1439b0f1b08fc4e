package trisec.scenario.file;

/** Something wrong in a scenario file, at a line. */
public record Problem(int line, String message) {
    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
