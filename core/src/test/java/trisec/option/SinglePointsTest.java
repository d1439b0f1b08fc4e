package trisec.option;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.Fixtures.JPN;
import static trisec.Fixtures.KOR;
import static trisec.Fixtures.USA;
import static trisec.Fixtures.day;
import static trisec.Fixtures.jpn;
import static trisec.Fixtures.kor;

import java.util.List;
import org.junit.jupiter.api.Test;
import trisec.option.SinglePoints.Failure;
import trisec.option.SinglePoints.Point;
import trisec.scenario.Scenario;
import trisec.topic.Topic;

class SinglePointsTest {
    private static final Topic DPRK = Topic.of("dprk");
    private static final Topic MISSILE = Topic.of("dprk.missile");
    private static final Topic OTHER = Topic.of("other");
    private static final Topic WARNING = Topic.of("dprk.missile.warning");
    private final Scenario shipped = Shipped.scenario();

    private static Point point(SinglePoints points, Failure failure) {
        return points.points().stream().filter(p -> p.failure().equals(failure)).findFirst().orElseThrow();
    }

    @Test
    void everyAgreementAReleaseCanRestOnAndEveryHubIsTried() {
        SinglePoints points = SinglePoints.of(shipped, day("2025-01-01"));
        assertThat(points.points()).extracting(p -> p.failure().describe()).containsExactly(
                "usa-kor-gsomia-1987 ends", "usa-jpn-gsomia-2007 ends", "tisa-2014 ends", "kor-jpn-gsomia-2016 ends",
                "missile-warning-2023 ends", "the hub USA is down");
    }

    @Test
    void withoutTheGsomiaKoreaAndJapanKeepOnlyWhatTisaCovers() {
        Point gsomia = point(SinglePoints.of(shipped, day("2025-01-01")), new Failure.AgreementEnds(Shipped.GSOMIA));
        assertThat(gsomia.cutsOff(KOR, JPN, OTHER)).isTrue();
        assertThat(gsomia.cutsOff(KOR, JPN, DPRK)).isTrue();
        assertThat(gsomia.cutsOff(JPN, KOR, OTHER)).isTrue();
        assertThat(gsomia.cutsOff(KOR, JPN, MISSILE)).isFalse();
        assertThat(gsomia.losses()).allSatisfy(l -> assertThat(List.of(l.originator(), l.recipient()))
                .containsExactlyInAnyOrder(KOR, JPN));
        var other = gsomia.losses().stream().filter(l -> l.originator().equals(KOR) && l.topic().equals(OTHER))
                .findFirst().orElseThrow();
        // Class I never went; UNCLASSIFIED needs no agreement.
        assertThat(other.levels()).containsExactly(kor("군사Ⅱ급비밀"), kor("군사Ⅲ급비밀"));
    }

    @Test
    void whileTheGsomiaStandsTheHubCarriesAloneOnlyTheTopSecretWarnings() {
        // The warning mechanism names no highest level, so Class I warnings go through the U.S. (TOP SECRET, 機密),
        // which the GSOMIA's table does not cover: for those alone the hub is the single route.
        assertThat(point(SinglePoints.of(shipped, day("2025-01-01")), new Failure.HubDown(USA)).losses())
                .containsExactly(new SinglePoints.Loss(KOR, JPN, WARNING, List.of(kor("군사Ⅰ급비밀"))),
                        new SinglePoints.Loss(JPN, KOR, WARNING, List.of(jpn("機密"))));
    }

    @Test
    void beforeTheGsomiaTheHubWasTheSinglePointOfEverythingTisaCovers() {
        Point hub2015 = point(SinglePoints.of(shipped, day("2015-06-01")), new Failure.HubDown(USA));
        assertThat(hub2015.cutsOff(KOR, JPN, MISSILE)).isTrue();
        assertThat(hub2015.cutsOff(JPN, KOR, Topic.of("dprk.nuclear"))).isTrue();
        assertThat(hub2015.losses()).noneMatch(l -> l.originator().equals(USA) || l.recipient().equals(USA));
    }

    @Test
    void theOneGsomiaBetweenTwoPartiesCutsOffEveryClassifiedLevel() {
        Point usaKor = point(SinglePoints.of(shipped, day("2025-01-01")), new Failure.AgreementEnds("usa-kor-gsomia-1987"));
        assertThat(usaKor.cutsOff(KOR, USA, OTHER)).isTrue();
        assertThat(usaKor.cutsOff(USA, KOR, MISSILE)).isTrue();
        // Korea's warnings still reach Japan directly once the mechanism's leg through the U.S. is gone, but not at
        // Class I, which only the route through the U.S. carried.
        assertThat(usaKor.losses()).filteredOn(l -> l.recipient().equals(JPN))
                .containsExactly(new SinglePoints.Loss(KOR, JPN, WARNING, List.of(kor("군사Ⅰ급비밀"))));
    }

    @Test
    void withTisaWidenedTheGsomiaEndingNoLongerCutsOffChinaOrDprk() {
        Scenario widened = Shipped.tisaWidened().applyTo(shipped);
        Point gsomia = point(SinglePoints.of(widened, day("2026-06-01")), new Failure.AgreementEnds(Shipped.GSOMIA));
        assertThat(gsomia.cutsOff(KOR, JPN, Topic.of("china"))).isFalse();
        assertThat(gsomia.cutsOff(KOR, JPN, DPRK)).isFalse();
        assertThat(gsomia.cutsOff(KOR, JPN, OTHER)).isTrue();
    }

    @Test
    void anAgreementNotInForceIsNoPoint() {
        SinglePoints points = SinglePoints.of(shipped, day("2015-06-01"));
        assertThat(points.points()).extracting(p -> p.failure().describe())
                .doesNotContain("kor-jpn-gsomia-2016 ends", "missile-warning-2023 ends");
    }
}
