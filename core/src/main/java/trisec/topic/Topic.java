package trisec.topic;

import java.util.regex.Pattern;

/**
 * A dotted topic hierarchy such as {@code dprk.missile.warning}. A topic covers itself and everything below
 * it: {@code dprk.missile} covers {@code dprk.missile.warning} but not {@code dprk.nuclear}, nor
 * {@code dprk.missiles}.
 */
public record Topic(String path) {
    private static final Pattern SYNTAX = Pattern.compile("[a-z0-9][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)*");

    public Topic {
        if (path == null || !SYNTAX.matcher(path).matches()) {
            throw new IllegalArgumentException(
                    "a topic is dot-separated lower-case words such as dprk.missile, got '" + path + "'");
        }
    }

    public static Topic of(String path) {
        return new Topic(path);
    }

    public static boolean isValid(String path) {
        return path != null && SYNTAX.matcher(path).matches();
    }

    /** This topic is {@code other} or an ancestor of it. */
    public boolean covers(Topic other) {
        String p = other.path;
        return p.equals(path) || (p.length() > path.length() && p.startsWith(path) && p.charAt(path.length()) == '.');
    }

    @Override
    public String toString() {
        return path;
    }
}
