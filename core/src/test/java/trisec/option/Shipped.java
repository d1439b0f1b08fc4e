package trisec.option;

import static trisec.Fixtures.JPN;
import static trisec.Fixtures.KOR;
import static trisec.Fixtures.USA;
import static trisec.Fixtures.day;
import static trisec.Fixtures.event;

import java.util.List;
import java.util.Optional;
import trisec.Fixtures;
import trisec.agreement.AgreementKind;
import trisec.agreement.LifecycleEvent;
import trisec.agreement.LifecycleEvent.EventType;
import trisec.agreement.Scope;
import trisec.party.Party;
import trisec.scenario.Scenario;
import trisec.topic.TopicScope;

/** The release-relevant facts of the shipped scenario, the missile-warning mechanism included, and a few options. */
final class Shipped {
    private Shipped() {}

    static final String GSOMIA = "kor-jpn-gsomia-2016";
    static final String TISA = "tisa-2014";

    static Fixtures.AgreementSpec mechanism() {
        return new Fixtures.AgreementSpec("missile-warning-2023", AgreementKind.DATA_MECHANISM, USA, KOR, JPN).hub(USA)
                .topics("dprk.missile.warning").then(event(EventType.SIGNED, "2022-11-13"))
                .then(event(EventType.IN_FORCE, "2023-12-19"));
    }

    static Scenario scenario() {
        return Fixtures.scenario(Fixtures.usaKor(), Fixtures.usaJpn(), Fixtures.tisa(), Fixtures.korJpn()
                .then(Fixtures.notice("2019-08-23", null))
                .then(event(EventType.NOTICE_SUSPENDED, "2019-11-22"))
                .then(event(EventType.NOTICE_WITHDRAWN, "2023-03-21")), mechanism());
    }

    static Change change(String agreement, EventType type, String date, Party by) {
        return new Change.AgreementEvent(agreement, LifecycleEvent.of(type, day(date), Optional.ofNullable(by), "",
                Optional.empty()));
    }

    /** Korea gives notice on 2026-03-01: the GSOMIA's term ends on 2026-11-23, which the 90 days reach. */
    static Option korNotice() {
        return new Option("KOR gives notice on 2026-03-01", "", List.of(
                change(GSOMIA, EventType.TERMINATION_NOTICE, "2026-03-01", KOR)));
    }

    /** TISA covers every dprk and china topic from 2026-04-01, at the levels it already covers. */
    static Option tisaWidened() {
        Scope widened = new Scope(TopicScope.of("dprk", "china"), Fixtures.tisa().build().scope().highest());
        return new Option("TISA widened to all dprk and china topics", "", List.of(
                new Change.ScopeChange(TISA, day("2026-04-01"), widened, Optional.empty(), "")));
    }
}
