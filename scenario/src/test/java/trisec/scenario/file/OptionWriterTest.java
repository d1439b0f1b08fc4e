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

    /** The same option as OptionFilesTest's, one change of each kind, written by hand. */
    private static final String BY_HAND = """
            name: Australia joins, and more
            description: a test option
            changes:
              - change: party
                code: AUS
                name: Australia
                levels:
                  - {name: SECRET, banner: SECRET}
                  - {name: UNCLASSIFIED, banner: UNCLASSIFIED}
              - change: agreement
                id: usa-aus-sia-2026
                kind: SIA
                parties: [USA, AUS]
                equivalence:
                  - {USA: SECRET, AUS: SECRET}
                events:
                  - {type: SIGNED, date: 2026-01-01}
                  - {type: IN_FORCE, date: 2026-01-01}
              - change: event
                agreement: kor-jpn-gsomia-2016
                type: TERMINATION_NOTICE
                date: 2026-03-01
                by: KOR
              - change: scope
                agreement: tisa-2014
                from: 2026-04-01
                topics: [dprk, china]
                highest: {USA: SECRET, KOR: 군사Ⅱ급비밀, JPN: 極秘}
              - change: outage
                hub: USA
                from: 2026-06-01
                until: 2026-06-03
            """;

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
}
