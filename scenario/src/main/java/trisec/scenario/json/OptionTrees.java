package trisec.scenario.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementStatus;
import trisec.option.Cell;
import trisec.option.Change;
import trisec.option.Comparison;
import trisec.option.Option;
import trisec.option.Reach;
import trisec.option.Reachability;
import trisec.option.ReachabilityDiff;
import trisec.option.ReachabilityDiffTimeline;
import trisec.option.SiteDiff;
import trisec.option.SinglePoints;
import trisec.party.Level;
import trisec.party.Party;
import trisec.scenario.Scenario;

/**
 * The JSON shapes of options analysis (docs/OPTIONS.md, "The JSON shapes"), one for the command line's {@code --json}
 * and the node's API: the picture of an option on a date, over a stretch of time, and options side by side, each as a
 * tree of maps, lists, strings, numbers and booleans that any JSON writer prints alike. What only one side knows is
 * added by that side: the files an option came from on the command line; on the node, a saved option's id and the
 * banner and label of its item, the answer's banner, and the history impact on the node's releases.
 *
 * <p>Dates are written as the scenario writes them ({@code 2026-12-01} for midnight UTC, else the instant), parties
 * by code, levels by their names in the originator's scheme, topics by path.
 */
public final class OptionTrees {
    private OptionTrees() {}

    /** {@code {"name", "description", "changes"}}: an option, each change in a sentence. */
    public static Map<String, Object> option(Option o) {
        var m = new LinkedHashMap<String, Object>();
        m.put("name", o.name());
        m.put("description", o.description());
        m.put("changes", o.changes().stream().map(Change::describe).toList());
        return m;
    }

    /**
     * The picture on one date: {@code {"options", "at", "before", "after", "changes", "singlePoints", "sites"}} —
     * both matrices over one tree, every cell that differs, the single points of failure without and with the
     * options, and the sites whose agreement then stands otherwise.
     *
     * @param options the options applied, in order, each as {@link #option} made it (and the caller completed it)
     */
    public static Map<String, Object> picture(List<? extends Map<String, Object>> options, ReachabilityDiff diff,
                                              SinglePoints before, SinglePoints after, SiteDiff sites) {
        var m = new LinkedHashMap<String, Object>();
        m.put("options", List.copyOf(options));
        m.put("at", date(diff.after().at()));
        m.put("before", matrix(diff.before()));
        m.put("after", matrix(diff.after()));
        m.put("changes", changes(diff));
        var points = new LinkedHashMap<String, Object>();
        points.put("before", points(before));
        points.put("after", points(after));
        m.put("singlePoints", points);
        m.put("sites", sites(sites));
        return m;
    }

    /**
     * Over a stretch of time: {@code {"options", "from", "until", "periods"}}, each period from (inclusive) until
     * (exclusive) with the matrices' counts and the cells that differ through it.
     */
    public static Map<String, Object> stretch(List<? extends Map<String, Object>> options,
                                              ReachabilityDiffTimeline timeline) {
        var m = new LinkedHashMap<String, Object>();
        m.put("options", List.copyOf(options));
        m.put("from", date(timeline.from()));
        m.put("until", date(timeline.until()));
        m.put("periods", timeline.stretches().stream().map(s -> {
            var p = new LinkedHashMap<String, Object>();
            p.put("from", date(s.from()));
            p.put("until", date(s.until()));
            p.put("counts", counts(s.diff()));
            p.put("changes", changes(s.diff()));
            return p;
        }).toList());
        return m;
    }

    /**
     * Options side by side: {@code {"at", "now", "options"}}; {@code now} the scenario as it is (how many cells,
     * how many reach, the counts by reach, the sites covered, the agreements in force), and a column per option,
     * labelled A, B, …, with what it keeps (on the same route), reroutes, loses and gains.
     *
     * @param options each column's options, in the order applied
     */
    public static Map<String, Object> comparison(Comparison c, List<? extends List<? extends Map<String, Object>>> options) {
        if (options.size() != c.columns().size()) {
            throw new IllegalArgumentException("one list of options per column");
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("at", date(c.at()));
        var now = new LinkedHashMap<String, Object>();
        now.put("cells", c.now().entries().size());
        now.put("reach", c.reach());
        now.put("counts", counts(c.now()));
        now.put("sitesCovered", c.sitesCovered());
        now.put("agreements", agreements(c.real(), c.at()));
        m.put("now", now);
        var columns = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < c.columns().size(); i++) {
            Comparison.Column col = c.columns().get(i);
            var x = new LinkedHashMap<String, Object>();
            x.put("label", String.valueOf((char) ('A' + i)));
            x.put("name", String.join(" + ", options.get(i).stream().map(o -> String.valueOf(o.get("name")))
                    .toList()));
            x.put("options", List.copyOf(options.get(i)));
            x.put("reach", col.totals().reach());
            x.put("kept", col.totals().kept());
            x.put("rerouted", col.totals().rerouted());
            x.put("lost", col.totals().lost());
            x.put("gained", col.totals().gained());
            x.put("counts", counts(col.diff().after()));
            x.put("sitesCovered", col.sitesCovered());
            x.put("fates", col.fates().stream().map(f -> {
                var y = new LinkedHashMap<String, Object>();
                y.put("originator", f.originator().code());
                y.put("recipient", f.recipient().code());
                y.put("topic", f.topic().path());
                y.put("kept", names(f.kept()));
                y.put("rerouted", names(f.rerouted()));
                y.put("lost", names(f.lost()));
                y.put("gained", names(f.gained()));
                return y;
            }).toList());
            x.put("viaHub", col.viaHub().stream().map(v -> {
                var y = new LinkedHashMap<String, Object>();
                y.put("originator", v.originator().code());
                y.put("recipient", v.recipient().code());
                y.put("topics", v.topics().stream().map(t -> t.path()).toList());
                return y;
            }).toList());
            x.put("changes", changes(col.diff()));
            x.put("agreements", agreements(col.scenario(), c.at()));
            columns.add(x);
        }
        m.put("options", columns);
        return m;
    }

    /** {@code {"counts", "topics", "cells"}}: a matrix, each cell with its originator, recipient, topic and level. */
    static Map<String, Object> matrix(Reachability r) {
        var m = new LinkedHashMap<String, Object>();
        m.put("counts", counts(r));
        m.put("topics", r.tree().rows().stream().map(t -> t.path()).toList());
        m.put("cells", r.entries().stream().map(e -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("originator", e.originator().code());
            x.put("recipient", e.recipient().code());
            x.put("topic", e.topic().path());
            x.put("level", e.level().name());
            x.putAll(cell(e.cell()));
            return x;
        }).toList());
        return m;
    }

    /** {@code {"reach", "decision", "route", "basis"}}. */
    static Map<String, Object> cell(Cell c) {
        var m = new LinkedHashMap<String, Object>();
        m.put("reach", c.reach().name());
        m.put("decision", c.verdict().name());
        m.put("route", codes(c.route()));
        m.put("basis", c.basis());
        return m;
    }

    /** Every cell that differs: where, and its cell before and after. */
    static List<Map<String, Object>> changes(ReachabilityDiff d) {
        var list = new ArrayList<Map<String, Object>>();
        for (ReachabilityDiff.Changed c : d.changes()) {
            var x = new LinkedHashMap<String, Object>();
            x.put("originator", c.originator().code());
            x.put("recipient", c.recipient().code());
            x.put("topic", c.topic().path());
            x.put("level", c.level().name());
            x.put("before", cell(c.before()));
            x.put("after", cell(c.after()));
            x.put("lost", c.lost());
            x.put("gained", c.gained());
            list.add(x);
        }
        return list;
    }

    /** {@code {"DIRECT": n, "VIA_HUB": n, "NONE": n}}. */
    static Map<String, Object> counts(Reachability r) {
        var m = new LinkedHashMap<String, Object>();
        for (Reach reach : Reach.values()) {
            m.put(reach.name(), r.counts().getOrDefault(reach, 0));
        }
        return m;
    }

    private static Map<String, Object> counts(ReachabilityDiff d) {
        var m = new LinkedHashMap<String, Object>();
        m.put("before", counts(d.before()));
        m.put("after", counts(d.after()));
        return m;
    }

    /** Each failure, in a sentence and by what fails, with what it cuts off. */
    static List<Map<String, Object>> points(SinglePoints p) {
        return p.points().stream().map(point -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("failure", point.failure().describe());
            switch (point.failure()) {
                case SinglePoints.Failure.AgreementEnds e -> x.put("agreement", e.agreement());
                case SinglePoints.Failure.HubDown h -> x.put("hub", h.hub().code());
            }
            x.put("losses", point.losses().stream().map(l -> {
                var y = new LinkedHashMap<String, Object>();
                y.put("originator", l.originator().code());
                y.put("recipient", l.recipient().code());
                y.put("topic", l.topic().path());
                y.put("levels", names(l.levels()));
                return y;
            }).toList());
            return (Map<String, Object>) x;
        }).toList();
    }

    /** The sites whose agreement stands otherwise: the status before and after, and whether the cover is lost. */
    static List<Map<String, Object>> sites(SiteDiff diff) {
        return diff.changes().stream().map(c -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("name", c.site().name());
            x.put("location", c.site().location());
            x.put("host", c.site().host().code());
            x.put("agreement", c.agreement());
            x.put("before", status(c.before()));
            x.put("after", status(c.after()));
            x.put("lost", c.lost());
            return (Map<String, Object>) x;
        }).toList();
    }

    /** {@code {"code", "text"}}. */
    public static Map<String, Object> status(AgreementStatus s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("code", s.code());
        m.put("text", s.describe());
        return m;
    }

    /** The agreements in force at the instant, with what the network graph of a comparison draws. */
    static List<Map<String, Object>> agreements(Scenario s, Instant at) {
        var list = new ArrayList<Map<String, Object>>();
        for (Agreement a : s.agreements()) {
            if (!s.lifecycle(a).inForceAt(at)) {
                continue;
            }
            AgreementStatus status = s.lifecycle(a).statusAt(at);
            var x = new LinkedHashMap<String, Object>();
            x.put("id", a.id());
            x.put("kind", a.kind().name());
            x.put("parties", codes(a.parties()));
            x.put("hub", a.hub().map(Party::code).orElse(null));
            x.put("status", status.code());
            x.put("noticeSuspended", status instanceof AgreementStatus.InForce f && f.noticeSuspended());
            x.put("topics", a.scopeAt(at).topics().toString());
            list.add(x);
        }
        return list;
    }

    /** A date as the scenario writes it: {@code 2026-12-01} at midnight UTC, else the instant. */
    public static String date(Instant t) {
        return AgreementStatus.format(t);
    }

    private static List<String> codes(List<Party> parties) {
        return parties.stream().map(Party::code).toList();
    }

    private static List<String> names(List<Level> levels) {
        return levels.stream().map(Level::name).toList();
    }
}
