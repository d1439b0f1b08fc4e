package trisec.scenario.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trisec.party.Classification;
import trisec.party.ClassificationScheme;
import trisec.party.Level;
import trisec.party.Party;
import trisec.scenario.Member;
import trisec.scenario.file.yaml.YamlNode;
import trisec.scenario.file.yaml.YamlNode.Mapping;

/**
 * Reads the parties of a scenario file, each with its classification scheme, and resolves the references the
 * rest of the file makes to them and to their levels. A party whose levels have problems stays known, so that
 * the problems are reported at its levels and not again at every reference to it.
 */
final class PartyReader {
    private final ValueReader values;
    /** Every party declared, in file order; the scheme is null for one whose levels have problems. */
    private final Map<Party, ClassificationScheme> schemes = new LinkedHashMap<>();
    private final Map<Party, String> names = new LinkedHashMap<>();

    PartyReader(ValueReader values) {
        this.values = values;
    }

    /** The parties read, in file order. Only for a file without problems: a party with one has no scheme. */
    List<Member> members() {
        var members = new ArrayList<Member>();
        schemes.forEach((party, scheme) -> members.add(new Member(party, names.get(party), scheme)));
        return members;
    }

    /** A party declared elsewhere (the scenario an option file is read against), for references to resolve. */
    void declare(Member member) {
        schemes.put(member.party(), member.scheme());
        names.put(member.party(), member.name());
    }

    /** The party read or declared with this code, when its scheme has no problem. */
    Optional<Member> member(Party party) {
        ClassificationScheme scheme = schemes.get(party);
        return scheme == null ? Optional.empty() : Optional.of(new Member(party, names.get(party), scheme));
    }

    /** Reads one item of {@code parties}. */
    void read(YamlNode node) {
        Mapping m = values.mapping(node, "a party");
        if (m == null) {
            return;
        }
        values.keys(m, "a party", Set.of("code", "name", "levels"), Set.of("code", "levels"));
        YamlNode codeNode = m.get("code");
        String code = codeNode == null ? null : values.text(codeNode, "code");
        if (code == null) {
            return;
        }
        if (!Party.isCode(code)) {
            values.problem(codeNode, "'" + code + "' is not an ISO 3166 alpha-3 party code such as KOR");
            return;
        }
        Party party = Party.of(code);
        if (schemes.containsKey(party)) {
            values.problem(codeNode, "party " + code + " is declared twice");
            return;
        }
        String name = values.optionalText(m, "name").orElse(code);
        List<ClassificationScheme.Entry> entries = new ArrayList<>();
        YamlNode levelsNode = m.get("levels");
        if (levelsNode == null) {
            // Reported as a missing key above; the party stays known so that references to it are not reported too.
            names.put(party, name);
            schemes.putIfAbsent(party, null);
            return;
        }
        List<YamlNode> levels = values.list(levelsNode, "levels");
        if (levels == null) {
            return;
        }
        int before = values.problemCount();
        for (YamlNode ln : levels) {
            ClassificationScheme.Entry entry = entry(ln, entries);
            if (entry != null) {
                entries.add(entry);
            }
        }
        if (values.problemCount() == before) {
            for (String p : ClassificationScheme.problems(entries)) {
                values.problem(levelsNode, "levels of " + code + ": " + p);
            }
        }
        if (values.problemCount() == before) {
            schemes.put(party, ClassificationScheme.of(party, entries));
            names.put(party, name);
        } else {
            // Keep the party known so that later references to it do not report it as unknown.
            names.put(party, name);
            schemes.putIfAbsent(party, null);
        }
    }

    /** One level of a scheme, or null when it has a problem; {@code above} are the levels read before it. */
    private ClassificationScheme.Entry entry(YamlNode node, List<ClassificationScheme.Entry> above) {
        Mapping lm = values.mapping(node, "a level");
        if (lm == null) {
            return null;
        }
        values.keys(lm, "a level", Set.of("name", "banner", "aliases", "rankedWith"), Set.of("name", "banner"));
        String levelName = lm.get("name") == null ? null : values.text(lm.get("name"), "name");
        Classification banner = null;
        if (lm.get("banner") != null) {
            String word = values.text(lm.get("banner"), "banner");
            if (word != null) {
                banner = Classification.fromBanner(word).orElse(null);
                if (banner == null) {
                    values.problem(lm.get("banner"), "'" + word + "' is not a banner classification "
                            + "(TOP SECRET, SECRET, CONFIDENTIAL or UNCLASSIFIED)");
                }
            }
        }
        List<String> aliases = lm.get("aliases") == null ? List.of() : values.texts(lm.get("aliases"), "aliases");
        boolean rankedWith = false;
        if (lm.get("rankedWith") != null) {
            String with = values.text(lm.get("rankedWith"), "rankedWith");
            String previous = above.isEmpty() ? null : above.getLast().name();
            if (with != null && !with.equals(previous)) {
                values.problem(lm.get("rankedWith"), "rankedWith names the level just above ("
                        + (previous == null ? "there is none" : previous) + "), not '" + with + "'");
            }
            rankedWith = true;
        }
        if (levelName != null && banner != null) {
            return new ClassificationScheme.Entry(levelName, banner, aliases, rankedWith);
        }
        return null;
    }

    /** A declared party named by a value, or null with a problem. */
    Party reference(YamlNode node) {
        String code = values.text(node, "a party");
        if (code == null) {
            return null;
        }
        if (!Party.isCode(code)) {
            values.problem(node, "'" + code + "' is not an ISO 3166 alpha-3 party code such as KOR");
            return null;
        }
        Party p = Party.of(code);
        if (!names.containsKey(p)) {
            values.problem(node, "unknown party " + code + " (declared: " + String.join(", ",
                    names.keySet().stream().map(Party::code).toList()) + ")");
            return null;
        }
        return p;
    }

    /**
     * A party named by a key on {@code line}, when it is one of an agreement's {@code parties}; else null with a
     * problem.
     */
    Party ofAgreement(String code, int line, List<Party> parties) {
        if (!Party.isCode(code) || !names.containsKey(Party.of(code))) {
            values.problem(line, "unknown party " + code);
            return null;
        }
        Party p = Party.of(code);
        if (!parties.contains(p)) {
            values.problem(line, p + " is not a party to this agreement");
            return null;
        }
        return p;
    }

    /** A level of {@code party}'s scheme named by a value (its name or an alias), or null. */
    Level level(Party party, YamlNode node) {
        String name = values.text(node, "a level");
        if (name == null) {
            return null;
        }
        ClassificationScheme scheme = schemes.get(party);
        if (scheme == null) {
            return null; // the party's own declaration already has a problem
        }
        Optional<Level> level = scheme.find(name);
        if (level.isEmpty()) {
            values.problem(node, "level '" + name + "' is not in the scheme of " + party + " (levels: "
                    + String.join(", ", scheme.levels().stream().map(Level::name).toList()) + ")");
            return null;
        }
        return level.get();
    }
}
