package trisec.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** National schemes: canonical names, aliases, ranks. */
class ClassificationSchemeTest {
    private static final Party KOR = Party.of("KOR");
    private final ClassificationScheme kor = ClassificationScheme.of(KOR, List.of(
            new ClassificationScheme.Entry("군사Ⅰ급비밀", Classification.TOP_SECRET, List.of("군사1급비밀"), false),
            new ClassificationScheme.Entry("군사Ⅱ급비밀", Classification.SECRET,
                    List.of("군사2급비밀", "KOR MILITARY SECRET CLASS II"), false),
            new ClassificationScheme.Entry("UNCLASSIFIED", Classification.UNCLASSIFIED, List.of("평문"), false)));

    @Test
    void theAsciiSpellingOfTheRomanNumeralFindsTheCanonicalLevel() {
        assertThat(kor.level("군사II급비밀").name()).isEqualTo("군사Ⅱ급비밀");
        assertThat(kor.level("군사I급비밀").name()).isEqualTo("군사Ⅰ급비밀");
    }

    @Test
    void aliasesAreMatchedWithoutRegardToCaseOrSpacing() {
        assertThat(kor.level("군사2급비밀").name()).isEqualTo("군사Ⅱ급비밀");
        assertThat(kor.level("  kor military   secret class ii ").name()).isEqualTo("군사Ⅱ급비밀");
        assertThat(kor.level("평문")).isEqualTo(kor.unclassified());
    }

    @Test
    void anUnknownLevelNamesTheSchemesLevels() {
        assertThatThrownBy(() -> kor.level("極秘")).isInstanceOf(UnknownLevelException.class)
                .hasMessage("'極秘' is not a level of KOR (levels: 군사Ⅰ급비밀, 군사Ⅱ급비밀, UNCLASSIFIED)");
    }

    @Test
    void ranksCountUpFromUnclassifiedAndMaySharePlaces() {
        assertThat(kor.levels()).extracting(Level::rank).containsExactly(2, 1, 0);
        var jpn = ClassificationScheme.of(Party.of("JPN"), List.of(
                new ClassificationScheme.Entry("機密", Classification.TOP_SECRET, List.of(), false),
                new ClassificationScheme.Entry("極秘", Classification.SECRET, List.of(), false),
                new ClassificationScheme.Entry("特定秘密", Classification.SECRET, List.of(), true),
                new ClassificationScheme.Entry("秘", Classification.CONFIDENTIAL, List.of(), false),
                new ClassificationScheme.Entry("UNCLASSIFIED", Classification.UNCLASSIFIED, List.of(), false)));
        assertThat(jpn.levels()).extracting(Level::rank).containsExactly(3, 2, 2, 1, 0);
        assertThat(jpn.lowestClassified().name()).isEqualTo("秘");
        assertThat(jpn.withBanner(Classification.SECRET).orElseThrow().name()).isEqualTo("極秘");
    }

    @Test
    void malformedSchemesAreRefused() {
        var u = new ClassificationScheme.Entry("UNCLASSIFIED", Classification.UNCLASSIFIED, List.of(), false);
        var s = new ClassificationScheme.Entry("S", Classification.SECRET, List.of(), false);
        assertThat(ClassificationScheme.problems(List.of(u))).isNotEmpty();
        assertThat(ClassificationScheme.problems(List.of(u, s))).isNotEmpty();
        assertThat(ClassificationScheme.problems(List.of(s, new ClassificationScheme.Entry("s", Classification.SECRET,
                List.of(), false), u))).anySatisfy(m -> assertThat(m).contains("would name both"));
        var c = new ClassificationScheme.Entry("C", Classification.CONFIDENTIAL, List.of(), false);
        assertThat(ClassificationScheme.problems(List.of(c, s, u))).singleElement().asString()
                .contains("higher banner word");
        var s2 = new ClassificationScheme.Entry("S2", Classification.SECRET, List.of(), false);
        assertThat(ClassificationScheme.problems(List.of(s, s2, u))).singleElement().asString()
                .contains("share the banner word SECRET but not a rank");
        var rankedC = new ClassificationScheme.Entry("C", Classification.CONFIDENTIAL, List.of(), true);
        assertThat(ClassificationScheme.problems(List.of(s, rankedC, u))).singleElement().asString()
                .contains("same banner word");
        assertThat(ClassificationScheme.problems(List.of(s, u))).isEmpty();
    }
}
