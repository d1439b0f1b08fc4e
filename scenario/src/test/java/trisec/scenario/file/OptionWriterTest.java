package trisec.scenario.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.option.Change;
import trisec.option.Option;
import trisec.scenario.Scenario;
import trisec.scenario.file.OptionWriter.Entry;

/**
 * A change written by {@link OptionWriter} reads back, with {@link OptionFiles}, as the change meant, for every kind;
 * and adding one to an option file keeps what was written there.
 */
class OptionWriterTest {
    private final Scenario shipped = ScenarioFiles.shipped();

    private static final Entry PARTY = Entry.party("AUS", "Australia", List.of(
            new OptionWriter.Level("SECRET", "SECRET"), new OptionWriter.Level("UNCLASSIFIED", "UNCLASSIFIED")));
    private static final Entry AGREEMENT;
    private static final Entry EVENT = Entry.event("kor-jpn-gsomia-2016", "TERMINATION_NOTICE", "2026-03-01",
            Optional.of("KOR"), Optional.empty(), "");
    private static final Entry SCOPE = Entry.scope("tisa-2014", "2026-04-01", Optional.of(List.of("dprk", "china")),
            Optional.of(orderedMap("USA", "SECRET", "KOR", "군사Ⅱ급비밀", "JPN", "極秘")), Optional.empty(), "");
    private static final Entry OUTAGE = Entry.outage("USA", "2026-06-01", "2026-06-03");

    static {
        var k = new LinkedHashMap<String, Object>();
        k.put("id", "usa-aus-sia-2026");
        k.put("kind", "SIA");
        k.put("parties", List.of("USA", "AUS"));
        k.put("equivalence", List.of(orderedMap("USA", List.of("SECRET"), "AUS", List.of("SECRET"))));
        k.put("events", List.of(orderedMap("type", "SIGNED", "date", "2026-01-01"),
                orderedMap("type", "IN_FORCE", "date", "2026-01-01")));
        AGREEMENT = Entry.agreement(k);
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> orderedMap(Object... kv) {
        var m = new LinkedHashMap<String, V>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (V) kv[i + 1]);
        }
        return m;
    }

    /** OptionFilesTest's option, one change of each kind, written by hand. */
    private static final String BY_HAND = OptionFilesTest.VALID;

    private Option read(String text) {
        assertThat(OptionFiles.check(text, shipped)).as(text).isEmpty();
        return OptionFiles.read("written", text, shipped);
    }

    /**
     * What an option says, to compare two: a party's scheme is compared by its levels and their aliases (the scheme
     * is not a value), every other change as it is.
     */
    private static List<Object> said(Option o) {
        return List.of(o.name(), o.description(), o.changes().stream().map(OptionWriterTest::said).toList());
    }

    private static Object said(Change c) {
        if (c instanceof Change.NewParty p) {
            var scheme = p.member().scheme();
            return List.of(p.member().party(), p.member().name(), scheme.levels(),
                    scheme.levels().stream().map(scheme::aliases).toList());
        }
        return c;
    }

    private static String added(String text, Entry e) {
        return OptionWriter.add(text, Optional.empty(), Optional.empty(), e).text();
    }

    @Test
    void everyKindOfChangeReadsBackAsTheSameChangeWrittenByHand() {
        String text = OptionWriter.add("", Optional.of("Australia joins, and more"), Optional.of("a test option"),
                PARTY).text();
        for (Entry e : List.of(AGREEMENT, EVENT, SCOPE, OUTAGE)) {
            text = added(text, e);
        }
        Option written = read(text);
        assertThat(said(written)).isEqualTo(said(read(BY_HAND)));
        assertThat(written.changes()).hasExactlyElementsOfTypes(Change.NewParty.class, Change.NewAgreement.class,
                Change.AgreementEvent.class, Change.ScopeChange.class, Change.HubOutage.class);
    }

    @Test
    void eachKindAloneReadsBackAsThatChange() {
        // A new agreement needs the party it names; everything else stands alone on the shipped scenario.
        Option option = read(added(OptionWriter.add("", Optional.of("one"), Optional.empty(), PARTY).text(),
                AGREEMENT));
        assertThat(option.changes().get(1)).isEqualTo(read(BY_HAND).changes().get(1));
        assertThat(said(read(OptionWriter.add("", Optional.of("one"), Optional.empty(), PARTY).text()).changes()
                .getFirst())).isEqualTo(said(read(BY_HAND).changes().get(0)));
        for (int i = 2; i < 5; i++) {
            Entry e = List.of(EVENT, SCOPE, OUTAGE).get(i - 2);
            assertThat(read(OptionWriter.add("", Optional.of("one"), Optional.empty(), e).text()).changes())
                    .containsExactly(read(BY_HAND).changes().get(i));
        }
    }

    @Test
    void aScopeMayCoverAllTopicsAndNoHighestLevel() {
        String text = OptionWriter.add("", Optional.of("wide"), Optional.empty(), Entry.scope("tisa-2014", "2026-04-01",
                Optional.of(OptionWriter.ALL_TOPICS), Optional.of(Map.of()), Optional.of("USA"), "all of it")).text();
        assertThat(text).contains("topics: all").contains("highest: none");
        var change = (Change.ScopeChange) read(text).changes().getFirst();
        assertThat(change.scope().topics().unrestricted()).isTrue();
        assertThat(change.scope().highest()).isEmpty();
        assertThat(change.note()).isEqualTo("all of it");
    }

    @Test
    void theTwoShippedExamplesAreWrittenAsTheyAreShipped() {
        Option notice = OptionFiles.shipped("kor-notice-2026.yaml", shipped);
        String text = OptionWriter.add("", Optional.of(notice.name()), Optional.of(notice.description()),
                Entry.event("kor-jpn-gsomia-2016", "TERMINATION_NOTICE", "2026-03-01", Optional.of("KOR"),
                        Optional.empty(), "hypothetical; takes effect at the end of the term, 2026-11-23")).text();
        assertThat(read(text)).isEqualTo(notice);

        Option widened = OptionFiles.shipped("tisa-widened.yaml", shipped);
        text = OptionWriter.add("", Optional.of(widened.name()), Optional.of(widened.description()),
                Entry.scope("tisa-2014", "2026-04-01", Optional.of(List.of("dprk", "china")), Optional.empty(),
                        Optional.empty(), "hypothetical amendment")).text();
        assertThat(read(text)).isEqualTo(widened);
    }

    @Test
    void textThatWouldReadAsSomethingElseIsQuoted() {
        List<String> awkward = List.of("a: b # c", "yes", "123", "1e3", "- not a list", "'quoted'", "\"double\"",
                "*alias", "&anchor", "%tag", "@at", "`tick`", "null", "~", "군사Ⅱ급비밀 – 極秘", "two\nlines",
                "two  spaces", "{flow}", "[flow]", "!tag", "|", ">", "#hash", "key:", "x\ty");
        for (String s : awkward) {
            String text = OptionWriter.add("", Optional.of(s), Optional.of(s), Entry.event("kor-jpn-gsomia-2016",
                    "TERMINATION_NOTICE", "2026-03-01", Optional.empty(), Optional.empty(), s)).text();
            Option o = read(text);
            assertThat(o.name()).as(text).isEqualTo(s);
            assertThat(o.description()).as(text).isEqualTo(s);
            var e = (Change.AgreementEvent) o.changes().getFirst();
            assertThat(e.event().note()).as(text).isEqualTo(s);
        }
    }

    private static String shippedText(String name) {
        try (InputStream in = OptionWriter.class.getClassLoader().getResourceAsStream(OptionFiles.SHIPPED + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void addingToAFileKeepsWhatWasWrittenAndPutsTheChangeLast() {
        String example = shippedText("kor-notice-2026.yaml");
        var added = OptionWriter.add(example, Optional.of("KOR gives notice on 2026-03-01"), Optional.empty(),
                OUTAGE);
        // The comments, the name and the first change stay as they were written; the new change follows them.
        assertThat(added.text()).startsWith(example);
        String[] lines = added.text().split("\n");
        assertThat(lines[added.firstLine() - 1]).isEqualTo("  - change: outage");
        assertThat(lines[added.lastLine() - 1]).isEqualTo("    until: 2026-06-03");
        assertThat(added.lastLine()).isEqualTo(lines.length);
        Option option = read(added.text());
        assertThat(option.changes()).hasExactlyElementsOfTypes(Change.AgreementEvent.class, Change.HubOutage.class);
        assertThat(option.changes().getFirst())
                .isEqualTo(OptionFiles.shipped("kor-notice-2026.yaml", shipped).changes().getFirst());
    }

    @Test
    void theNameAndDescriptionAreSetWhereTheyStandAndCommentsStay() {
        String text = """
                # my notes
                name: Old name   # a comment on the name
                description: |-
                  First line
                  second line
                # about the changes
                changes:
                - change: outage
                  hub: USA
                  from: 2026-06-01
                  until: 2026-06-03

                # the end
                """;
        var added = OptionWriter.add(text, Optional.of("New name"), Optional.of("New: description"), EVENT);
        Option option = read(added.text());
        assertThat(option.name()).isEqualTo("New name");
        assertThat(option.description()).isEqualTo("New: description");
        assertThat(option.changes()).hasExactlyElementsOfTypes(Change.HubOutage.class, Change.AgreementEvent.class);
        assertThat(added.text()).startsWith("# my notes\nname: New name\ndescription: \"New: description\"\n"
                + "# about the changes\nchanges:\n").contains("# the end").doesNotContain("second line");
        // The list has no indent: the new change has none either.
        String[] lines = added.text().split("\n");
        assertThat(lines[added.firstLine() - 1]).isEqualTo("- change: event");
        assertThat(OptionWriter.header(added.text())).isEqualTo(new OptionWriter.Header("New name",
                "New: description"));

        // Where there is no description yet, it comes after the name; where there are no changes, they begin.
        String bare = "name: Bare\n";
        var more = OptionWriter.add(bare, Optional.empty(), Optional.of("Now described"), OUTAGE);
        assertThat(more.text()).isEqualTo("name: Bare\ndescription: Now described\nchanges:\n  - change: outage\n"
                + "    hub: USA\n    from: 2026-06-01\n    until: 2026-06-03\n");
        assertThat(more.firstLine()).isEqualTo(4);
        assertThat(read(more.text()).description()).isEqualTo("Now described");
        // An empty list is one to add to.
        var empty = OptionWriter.add("name: Empty\nchanges: []\n", Optional.empty(), Optional.empty(), OUTAGE);
        assertThat(read(empty.text()).changes()).hasSize(1);
        assertThat(empty.firstLine()).isEqualTo(3);
        var crlf = OptionWriter.add("name: Windows\r\nchanges:\r\n  - change: outage\r\n    hub: USA\r\n"
                + "    from: 2026-06-01\r\n    until: 2026-06-03\r\n", Optional.empty(), Optional.empty(), EVENT);
        assertThat(crlf.text()).doesNotContain("\r");
        assertThat(read(crlf.text()).changes()).hasSize(2);
    }

    @Test
    void aTextTheBuilderCannotAddToIsRefusedWithItsLine() {
        assertThatThrownBy(() -> added("name: x\nchanges: [{change: outage, hub: USA, from: 2026-06-01, "
                + "until: 2026-06-03}]\n", EVENT)).isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("option:2:").hasMessageContaining("a change a line");
        assertThatThrownBy(() -> added("name: [unclosed\n", EVENT)).isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> added("{name: x, changes: []}\n", EVENT))
                .isInstanceOf(InvalidScenarioException.class).hasMessageContaining("a key a line");
        assertThatThrownBy(() -> added("- just a list\n", EVENT)).isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("a mapping");
        assertThatThrownBy(() -> OptionWriter.add("  ", Optional.of(" "), Optional.empty(), EVENT))
                .isInstanceOf(InvalidScenarioException.class).hasMessageContaining("has a name");
    }

    @Test
    void aLastNoteWhoseLastLineStartsWithAHashKeepsThatLine() {
        String text = """
                name: Two notes
                changes:
                  - change: scope
                    agreement: tisa-2014
                    from: 2026-04-01
                    topics: [dprk]
                    note: |
                      first part
                      # 1 of 2
                # after the list
                """;
        var added = OptionWriter.add(text, Optional.empty(), Optional.empty(), EVENT);
        var before = (Change.ScopeChange) read(text).changes().getFirst();
        assertThat(before.note()).endsWith("first part\n# 1 of 2");
        Option after = read(added.text());
        assertThat(after.changes()).hasSize(2);
        assertThat(after.changes().getFirst()).isEqualTo(before);
        String[] lines = added.text().split("\n");
        assertThat(lines[added.firstLine() - 2]).isEqualTo("      # 1 of 2");
        assertThat(lines[added.lastLine()]).isEqualTo("# after the list");
    }

    @Test
    void aDescriptionSetAnewLeavesNoLineOfTheOldOne() {
        String text = """
                name: Described
                description: |
                  old text
                  # old tail
                changes: []
                """;
        var added = OptionWriter.add(text, Optional.empty(), Optional.of("new text"), OUTAGE);
        assertThat(added.text()).startsWith("name: Described\ndescription: new text\nchanges:\n")
                .doesNotContain("old");
        assertThat(read(added.text()).description()).isEqualTo("new text");
    }

    /** Content lines for a note: some read like comments, some like keys, some are blank. */
    private static final List<String> NOTE_LINES = List.of("first part", "# 1 of 2", "#hash", "key: value",
            "- dash", "", "  # indented more", "last # words");

    /** A note in one of YAML's styles, under a key at {@code indent}; its first line is never blank. */
    private static List<String> note(java.util.Random random, String indent) {
        var content = new java.util.ArrayList<String>();
        content.add(NOTE_LINES.get(random.nextInt(2)));
        int more = random.nextInt(4);
        for (int i = 0; i < more; i++) {
            content.add(NOTE_LINES.get(random.nextInt(NOTE_LINES.size())));
        }
        if (random.nextBoolean()) {
            content.add("# " + random.nextInt(9) + " of 9"); // the case that reads like a comment, last
        }
        String inner = indent + "  ";
        var out = new java.util.ArrayList<String>();
        switch (random.nextInt(5)) {
            case 0 -> out.add(indent + "note: " + content.getFirst().replace("#", "no."));
            case 1 -> {
                out.add(indent + "note: \"" + content.getFirst());
                content.subList(1, content.size()).forEach(l -> out.add(inner + l.replace("\"", "")));
                out.set(out.size() - 1, out.getLast() + "\"");
            }
            default -> {
                out.add(indent + "note: " + List.of("|", "|-", "|+", ">", ">-", ">+").get(random.nextInt(6)));
                content.forEach(l -> out.add(l.isEmpty() ? "" : inner + l));
                for (int i = random.nextInt(3); i > 0; i--) {
                    out.add(""); // kept by '+', dropped otherwise
                }
            }
        }
        return out;
    }

    /** Comments and blank lines, as a person leaves them between changes and after them. */
    private static List<String> filler(java.util.Random random, String indent) {
        var out = new java.util.ArrayList<String>();
        for (int i = random.nextInt(3); i > 0; i--) {
            out.add(List.of("", "# a comment", indent + "# an indented comment", indent + "    # deeper")
                    .get(random.nextInt(4)));
        }
        return out;
    }

    /** An option file as a person might write it: the styles of YAML, comments and blank lines, seeded. */
    private static String handwritten(long seed) {
        var random = new java.util.Random(seed);
        var out = new java.util.ArrayList<String>();
        out.addAll(filler(random, ""));
        out.add("name: Option " + seed + "   # a comment on the name");
        boolean describedLast = random.nextBoolean();
        if (!describedLast && random.nextBoolean()) {
            out.addAll(note(random, "").stream().map(l -> l.replaceFirst("^note:", "description:")).toList());
        }
        int count = random.nextInt(4);
        out.add("changes:" + (count == 0 && random.nextBoolean() ? " []" : "")
                + (random.nextBoolean() ? "  # the changes" : ""));
        String dash = List.of("", "  ", "    ").get(random.nextInt(3));
        for (int i = 0; i < count; i++) {
            out.addAll(filler(random, dash));
            String under = dash + "  ";
            switch (random.nextInt(4)) {
                case 0 -> out.add(dash + "- {change: outage, hub: USA, from: 2027-0" + (i + 1) + "-01, until: 2027-0"
                        + (i + 1) + "-02}");
                case 1 -> {
                    out.add(dash + "- {change: outage, hub: USA, from: 2027-0" + (i + 1) + "-01,");
                    out.add(under + "until: 2027-0" + (i + 1) + "-02");
                    out.add(under + "}");
                }
                default -> {
                    out.add(dash + "- change: scope");
                    out.add(under + "agreement: tisa-2014");
                    out.add(under + "from: 2026-0" + (i + 1) + "-01");
                    if (random.nextBoolean()) {
                        out.add(under + "topics: [dprk, china]");
                    } else {
                        out.add(under + "topics:");
                        out.add(under + "  - dprk");
                    }
                    out.addAll(note(random, under));
                }
            }
        }
        out.addAll(filler(random, dash));
        if (describedLast) {
            out.addAll(note(random, "").stream().map(l -> l.replaceFirst("^note:", "description:")).toList());
            out.addAll(filler(random, ""));
        }
        return String.join("\n", out) + "\n".repeat(random.nextInt(3));
    }

    @Test
    void afterAChangeIsAddedAHandwrittenFileReadsAsItsOldChangesAndTheNewOne() {
        for (long seed = 0; seed < 300; seed++) {
            String text = handwritten(seed);
            // A file with no change yet is not an option to read; its name and description are read as a header.
            var problems = OptionFiles.check(text, shipped);
            boolean empty = !problems.isEmpty();
            if (empty) {
                assertThat(problems).as(text).extracting(Problem::message)
                        .allMatch(m -> m.equals("an option makes at least one change")
                                || m.equals("changes must be a list, not a value"));
            }
            var header = OptionWriter.header(text);
            Option before = empty ? new Option(header.name().strip(), header.description().strip(), List.of())
                    : read(text);
            for (Entry e : List.of(EVENT, SCOPE, OUTAGE, Entry.scope("tisa-2014", "2026-09-01",
                    Optional.of(List.of("dprk")), Optional.empty(), Optional.empty(), "a note\n# with a hash line\n"))) {
                var added = OptionWriter.add(text, Optional.empty(), Optional.empty(), e);
                assertThat(OptionFiles.check(added.text(), shipped)).as(added.text()).isEmpty();
                Option after = read(added.text());
                var expected = new java.util.ArrayList<>(before.changes());
                expected.add(read(OptionWriter.add("", Optional.of("one"), Optional.empty(), e).text())
                        .changes().getFirst());
                assertThat(after.name()).as(added.text()).isEqualTo(before.name());
                assertThat(after.description()).as(added.text()).isEqualTo(before.description());
                assertThat(after.changes()).as(added.text()).containsExactlyElementsOf(expected);
                String[] lines = added.text().split("\n");
                assertThat(lines[added.firstLine() - 1]).as(added.text()).endsWith("- change: " + e.kind());
            }
            // A name and a description of two lines each are block scalars: they too keep to their own lines.
            var described = OptionWriter.add(text, Optional.of("new\n# name"), Optional.of("new\n# described"),
                    OUTAGE);
            Option after = read(described.text());
            assertThat(after.name()).as(described.text()).isEqualTo("new\n# name");
            assertThat(after.description()).as(described.text()).isEqualTo("new\n# described");
            assertThat(after.changes()).as(described.text()).hasSize(before.changes().size() + 1);
            assertThat(after.changes().subList(0, before.changes().size())).as(described.text())
                    .isEqualTo(before.changes());
        }
    }
}
