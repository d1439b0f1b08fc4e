package trisec.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trisec.option.Cell;
import trisec.option.Option;
import trisec.option.Reach;
import trisec.option.ReachabilityDiff;
import trisec.option.SiteDiff;
import trisec.option.SinglePoints;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.Verdict;
import trisec.scenario.json.OptionTrees;
import trisec.topic.Topic;

/**
 * How {@code trisec options} writes an option's answers: one line per group of cells; the JSON is the shared shape
 * ({@link OptionTrees}), each option with the file it came from.
 */
final class OptionViews {
    private OptionViews() {}

    /** Neighbouring changed cells of one pair and topic that change alike, with their levels. */
    record Group(Party originator, Party recipient, Topic topic, List<Level> levels, Cell before, Cell after) {}

    static List<Group> groups(List<ReachabilityDiff.Changed> changes) {
        var groups = new ArrayList<Group>();
        for (ReachabilityDiff.Changed c : changes) {
            Group last = groups.isEmpty() ? null : groups.getLast();
            if (last != null && last.originator().equals(c.originator()) && last.recipient().equals(c.recipient())
                    && last.topic().equals(c.topic()) && last.before().equals(c.before())
                    && last.after().equals(c.after())) {
                var levels = new ArrayList<>(last.levels());
                levels.add(c.level());
                groups.set(groups.size() - 1, new Group(last.originator(), last.recipient(), last.topic(), levels,
                        last.before(), last.after()));
            } else {
                groups.add(new Group(c.originator(), c.recipient(), c.topic(), List.of(c.level()), c.before(),
                        c.after()));
            }
        }
        return groups;
    }

    /** {@code KOR → JPN}. */
    static String pair(Party originator, Party recipient) {
        return originator.code() + " → " + recipient.code();
    }

    static String levels(List<Level> levels) {
        return String.join(", ", levels.stream().map(Level::name).toList());
    }

    /** {@code NONE}, or {@code VIA_HUB KOR→USA→JPN (tisa-2014, …)} with the verdict when it is not a permit. */
    static String cell(Cell c) {
        if (c.reach() == Reach.NONE) {
            return "NONE";
        }
        return c.reach() + " " + String.join("→", c.route().stream().map(Party::code).toList())
                + " (" + String.join(", ", c.basis()) + ")"
                + (c.verdict() == Verdict.PERMIT ? "" : " " + c.verdict());
    }

    static String group(Group g) {
        return pair(g.originator(), g.recipient()) + "  " + g.topic().path() + "  " + levels(g.levels()) + ":  "
                + cell(g.before()) + "  ⇒  " + cell(g.after());
    }

    /** One failure and what it cuts off, each loss on its own line below it. */
    static List<String> point(SinglePoints.Point p) {
        var lines = new ArrayList<String>();
        if (p.losses().isEmpty()) {
            lines.add(p.failure().describe() + ": cuts nothing off (another route is left for all)");
            return lines;
        }
        lines.add(p.failure().describe() + ": cuts off");
        for (SinglePoints.Loss l : p.losses()) {
            lines.add("  " + pair(l.originator(), l.recipient()) + "  " + l.topic().path() + "  " + levels(l.levels()));
        }
        return lines;
    }

    static String site(SiteDiff.Changed c) {
        var s = c.site();
        return s.name() + (s.location().isBlank() ? "" : " (" + s.location() + ")") + "  " + c.agreement() + ":  "
                + c.before().describe() + "  ⇒  " + c.after().describe() + (c.lost() ? "  (no longer covered)" : "");
    }

    // ---- JSON: the shared shapes (trisec.scenario.json.OptionTrees), with the file each option came from ----

    static List<Map<String, Object>> options(List<Path> files, List<Option> options) {
        var list = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < options.size(); i++) {
            var m = new LinkedHashMap<String, Object>();
            m.put("file", files.get(i).toString());
            m.putAll(OptionTrees.option(options.get(i)));
            list.add(m);
        }
        return list;
    }
}
