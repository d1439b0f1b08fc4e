package trisec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementKind;
import trisec.agreement.EquivalenceTable;
import trisec.agreement.LifecycleEvent;
import trisec.agreement.LifecycleEvent.EventType;
import trisec.agreement.Scope;
import trisec.party.Classification;
import trisec.party.ClassificationScheme;
import trisec.party.Level;
import trisec.party.Party;
import trisec.scenario.Member;
import trisec.scenario.Scenario;
import trisec.topic.TopicScope;

/**
 * Hand-built scenarios for the core's tests (the core cannot read the YAML files). {@link #trilateral()} mirrors
 * the facts of the shipped scenario that the release rules depend on.
 */
public final class Fixtures {
    private Fixtures() {}

    public static final Party USA = Party.of("USA");
    public static final Party KOR = Party.of("KOR");
    public static final Party JPN = Party.of("JPN");

    public static Instant day(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static LifecycleEvent event(EventType type, String date) {
        return LifecycleEvent.of(type, day(date), Optional.empty(), "", Optional.empty());
    }

    public static LifecycleEvent notice(String date, String effective) {
        return LifecycleEvent.of(EventType.TERMINATION_NOTICE, day(date), Optional.empty(), "",
                Optional.ofNullable(effective).map(Fixtures::day));
    }

    public static ClassificationScheme scheme(Party party, String... namesAndBanners) {
        var entries = new ArrayList<ClassificationScheme.Entry>();
        for (String nb : namesAndBanners) {
            boolean ranked = nb.startsWith("=");
            String[] parts = (ranked ? nb.substring(1) : nb).split(":");
            entries.add(new ClassificationScheme.Entry(parts[0], Classification.valueOf(parts[1]), List.of(), ranked));
        }
        entries.add(new ClassificationScheme.Entry("UNCLASSIFIED", Classification.UNCLASSIFIED, List.of(), false));
        return ClassificationScheme.of(party, entries);
    }

    /** Builds agreements with little ceremony. */
    public static final class AgreementSpec {
        final String id;
        final AgreementKind kind;
        final List<Party> parties;
        Optional<Party> hub = Optional.empty();
        Scope scope = Scope.everything();
        List<EquivalenceTable.Row> rows = new ArrayList<>();
        Optional<Period> term = Optional.empty();
        Optional<Period> notice = Optional.empty();
        List<LifecycleEvent> events = new ArrayList<>();

        public AgreementSpec(String id, AgreementKind kind, Party... parties) {
            this.id = id;
            this.kind = kind;
            this.parties = List.of(parties);
        }

        public AgreementSpec hub(Party p) {
            hub = Optional.of(p);
            return this;
        }

        public AgreementSpec scope(Scope s) {
            scope = s;
            return this;
        }

        public AgreementSpec topics(String... topics) {
            scope = new Scope(TopicScope.of(topics), scope.highest());
            return this;
        }

        public AgreementSpec row(Level... levels) {
            Map<Party, List<Level>> row = new LinkedHashMap<>();
            for (Level l : levels) {
                row.computeIfAbsent(l.party(), p -> new ArrayList<>()).add(l);
            }
            rows.add(new EquivalenceTable.Row(row));
            return this;
        }

        public AgreementSpec annual(int noticeDays) {
            term = Optional.of(Period.ofYears(1));
            notice = Optional.of(Period.ofDays(noticeDays));
            return this;
        }

        public AgreementSpec noticePeriod(Period p) {
            notice = Optional.of(p);
            return this;
        }

        public AgreementSpec inForce(String date) {
            events.add(event(EventType.SIGNED, date));
            events.add(event(EventType.IN_FORCE, date));
            return this;
        }

        public AgreementSpec then(LifecycleEvent e) {
            events.add(e);
            return this;
        }

        public Agreement build() {
            return new Agreement(id, kind, id, parties, hub, scope, new EquivalenceTable(rows), term, notice,
                    true, events, "", List.of());
        }
    }

    public static final ClassificationScheme USA_SCHEME =
            scheme(USA, "TOP SECRET:TOP_SECRET", "SECRET:SECRET", "CONFIDENTIAL:CONFIDENTIAL");
    public static final ClassificationScheme KOR_SCHEME =
            scheme(KOR, "군사Ⅰ급비밀:TOP_SECRET", "군사Ⅱ급비밀:SECRET", "군사Ⅲ급비밀:CONFIDENTIAL");
    public static final ClassificationScheme JPN_SCHEME =
            scheme(JPN, "機密:TOP_SECRET", "極秘:SECRET", "=特定秘密:SECRET", "秘:CONFIDENTIAL");

    public static Level usa(String name) {
        return USA_SCHEME.level(name);
    }

    public static Level kor(String name) {
        return KOR_SCHEME.level(name);
    }

    public static Level jpn(String name) {
        return JPN_SCHEME.level(name);
    }

    public static List<Member> members() {
        return List.of(new Member(USA, "United States", USA_SCHEME), new Member(KOR, "Korea", KOR_SCHEME),
                new Member(JPN, "Japan", JPN_SCHEME));
    }

    public static AgreementSpec usaKor() {
        return new AgreementSpec("usa-kor-gsomia-1987", AgreementKind.SIA, USA, KOR)
                .row(usa("TOP SECRET"), kor("군사Ⅰ급비밀")).row(usa("SECRET"), kor("군사Ⅱ급비밀"))
                .row(usa("CONFIDENTIAL"), kor("군사Ⅲ급비밀")).inForce("1987-09-24");
    }

    public static AgreementSpec usaJpn() {
        return new AgreementSpec("usa-jpn-gsomia-2007", AgreementKind.SIA, USA, JPN)
                .row(usa("TOP SECRET"), jpn("機密")).row(usa("SECRET"), jpn("極秘"), jpn("特定秘密"))
                .row(usa("CONFIDENTIAL"), jpn("秘")).inForce("2007-08-10");
    }

    public static AgreementSpec tisa() {
        return new AgreementSpec("tisa-2014", AgreementKind.HUB_ARRANGEMENT, USA, KOR, JPN).hub(USA)
                .scope(new Scope(TopicScope.of("dprk.nuclear", "dprk.missile"),
                        Map.of(USA, usa("SECRET"), KOR, kor("군사Ⅱ급비밀"), JPN, jpn("極秘"))))
                .inForce("2014-12-29");
    }

    public static AgreementSpec korJpn() {
        return new AgreementSpec("kor-jpn-gsomia-2016", AgreementKind.SIA, KOR, JPN).annual(90)
                .row(kor("군사Ⅱ급비밀"), jpn("極秘"), jpn("特定秘密")).row(kor("군사Ⅲ급비밀"), jpn("秘"))
                .inForce("2016-11-23");
    }

    /** The shipped scenario's release-relevant facts, with the 2019 notice, suspension and withdrawal. */
    public static Scenario trilateral() {
        return scenario(usaKor(), usaJpn(), tisa(), korJpn()
                .then(notice("2019-08-23", null))
                .then(event(EventType.NOTICE_SUSPENDED, "2019-11-22"))
                .then(event(EventType.NOTICE_WITHDRAWN, "2023-03-21")));
    }

    public static Scenario scenario(AgreementSpec... specs) {
        return new Scenario(members(), java.util.Arrays.stream(specs).map(AgreementSpec::build).toList(), List.of(),
                List.of());
    }
}
