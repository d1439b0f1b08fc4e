package trisec.audit.tiles;

import java.util.ArrayList;
import java.util.List;

/**
 * The tile geometry and resource paths of C2SP tlog-tiles: {@code tile/<L>/<N>[.p/<W>]} for hash tiles and
 * {@code tile/entries/<N>[.p/<W>]} for entry bundles.
 *
 * <p>{@code <L>} is 0 to 63 without leading zeros; {@code <N>} is the index written as zero-padded groups of three
 * digits, all but the last prefixed with {@code x} ({@code 1234067 → x001/x234/067}); {@code .p/<W>} marks a
 * partial tile of width 1 to 255, without leading zeros. A full tile has no suffix — in this API its width is 256.
 */
public final class Tiles {
    /** Tree levels per tile level: a tile is a subtree of height 8. */
    public static final int HEIGHT = 8;
    /** Hashes in a full tile (and entries in a full bundle): 2^8. */
    public static final int WIDTH = 256;
    /** The highest tile level tlog-tiles allows in a path. */
    public static final int MAX_LEVEL = 63;

    private static final String PREFIX = "tile/";
    private static final String ENTRIES = "entries";
    private static final String PARTIAL = ".p";

    private Tiles() {}

    /**
     * A parsed tile path. {@code width} is 256 for a full tile and 1 to 255 for a partial one; entry bundles have
     * {@code entries} set and level 0 (they are the data under the level-0 hash tiles).
     */
    public record TilePath(boolean entries, int level, long index, int width) {
        public TilePath {
            if (level < 0 || level > MAX_LEVEL || (entries && level != 0)) {
                throw new IllegalArgumentException("no tile level " + level + (entries ? " for entries" : ""));
            }
            if (index < 0) {
                throw new IllegalArgumentException("no tile index " + index);
            }
            requireWidth(width);
        }

        public boolean partial() {
            return width < WIDTH;
        }

        /** The canonical path of this tile. */
        public String path() {
            return entries ? entriesPath(index, width) : Tiles.path(level, index, width);
        }
    }

    /** {@code tile/<L>/<N>[.p/<W>]}; {@code width} 256 is a full tile. */
    public static String path(int level, long index, int width) {
        TilePath checked = new TilePath(false, level, index, width);
        return PREFIX + checked.level() + "/" + indexAndWidth(index, width);
    }

    /** {@code tile/entries/<N>[.p/<W>]}; {@code width} 256 is a full bundle. */
    public static String entriesPath(long index, int width) {
        new TilePath(true, 0, index, width);
        return PREFIX + ENTRIES + "/" + indexAndWidth(index, width);
    }

    /**
     * Parses a tile or entry-bundle path, accepting only the one canonical form of each tile: no leading zeros in the
     * level or width, no leading all-zero index group, no {@code .p/256}, no empty or extra path elements.
     *
     * @throws IllegalArgumentException with the reason, for anything else
     */
    public static TilePath parse(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a tile path starts with \"" + PREFIX + "\"");
        }
        List<String> elements = List.of(path.substring(PREFIX.length()).split("/", -1));
        if (elements.size() < 2) {
            throw new IllegalArgumentException("a tile path has a level and an index");
        }
        boolean entries = elements.getFirst().equals(ENTRIES);
        int level = entries ? 0 : parseLevel(elements.getFirst());
        List<String> rest = elements.subList(1, elements.size());
        int width = WIDTH;
        String secondLast = rest.size() >= 2 ? rest.get(rest.size() - 2) : "";
        if (secondLast.endsWith(PARTIAL)) {
            width = parseWidth(rest.getLast());
            rest = new ArrayList<>(rest.subList(0, rest.size() - 1));
            rest.set(rest.size() - 1, secondLast.substring(0, secondLast.length() - PARTIAL.length()));
        }
        return new TilePath(entries, level, parseIndex(rest), width);
    }

    private static String indexAndWidth(long index, int width) {
        String n = formatIndex(index);
        return width == WIDTH ? n : n + PARTIAL + "/" + width;
    }

    private static String formatIndex(long index) {
        String digits = Long.toString(index);
        digits = "0".repeat((3 - digits.length() % 3) % 3) + digits;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i += 3) {
            boolean last = i + 3 == digits.length();
            sb.append(last ? "" : "x").append(digits, i, i + 3).append(last ? "" : "/");
        }
        return sb.toString();
    }

    private static int parseLevel(String s) {
        if (!isCanonicalDecimal(s) || s.length() > 2 || Integer.parseInt(s) > MAX_LEVEL) {
            throw new IllegalArgumentException("the level \"" + s + "\" is not 0 to " + MAX_LEVEL
                    + " without leading zeros");
        }
        return Integer.parseInt(s);
    }

    private static int parseWidth(String s) {
        if (!isCanonicalDecimal(s) || s.length() > 3 || Integer.parseInt(s) < 1 || Integer.parseInt(s) >= WIDTH) {
            throw new IllegalArgumentException("the partial width \"" + s + "\" is not 1 to " + (WIDTH - 1)
                    + " without leading zeros");
        }
        return Integer.parseInt(s);
    }

    private static long parseIndex(List<String> groups) {
        long index = 0;
        for (int i = 0; i < groups.size(); i++) {
            String g = groups.get(i);
            boolean last = i == groups.size() - 1;
            String digits = last ? g : g.startsWith("x") ? g.substring(1) : "";
            if (digits.length() != 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("index element \"" + g + "\" is not "
                        + (last ? "three digits" : "x and three digits"));
            }
            if (i == 0 && !last && digits.equals("000")) {
                throw new IllegalArgumentException("the index has a leading zero group");
            }
            try {
                index = Math.addExact(Math.multiplyExact(index, 1000), Integer.parseInt(digits));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("the index is too large");
            }
        }
        return index;
    }

    private static boolean isCanonicalDecimal(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9') && (s.length() == 1 || s.charAt(0) != '0');
    }

    private static void requireWidth(int width) {
        if (width < 1 || width > WIDTH) {
            throw new IllegalArgumentException("a tile is 1 to " + WIDTH + " wide, not " + width);
        }
    }
}
