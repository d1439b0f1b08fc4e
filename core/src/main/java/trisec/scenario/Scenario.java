package trisec.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trisec.agreement.Agreement;
import trisec.agreement.EquivalenceTable;
import trisec.agreement.Lifecycle;
import trisec.agreement.LifecycleEvent;
import trisec.consult.Channel;
import trisec.party.ClassificationScheme;
import trisec.party.Level;
import trisec.party.Party;
import trisec.party.UnknownPartyException;

/**
 * Everything trisec decides on: the parties and their schemes, the agreements in declaration order, the
 * consultation channels and the sites, and the outages of a party's node (only an option has those). A scenario
 * is consistent by construction: every party, level and agreement it refers to is its own, and every lifecycle is
 * possible.
 */
public final class Scenario {
    private final Map<Party, Member> members;
    private final List<Agreement> agreements;
    private final Map<String, Agreement> byId;
    private final Map<String, Lifecycle> lifecycles;
    private final List<Channel> channels;
    private final List<Site> sites;
    private final List<Outage> outages;

    public Scenario(List<Member> members, List<Agreement> agreements, List<Channel> channels, List<Site> sites) {
        this(members, agreements, channels, sites, List.of());
    }

    public Scenario(List<Member> members, List<Agreement> agreements, List<Channel> channels, List<Site> sites,
                    List<Outage> outages) {
        var m = new LinkedHashMap<Party, Member>();
        for (Member member : members) {
            if (m.put(member.party(), member) != null) {
                throw new IllegalArgumentException("party " + member.party() + " is declared twice");
            }
        }
        this.members = java.util.Collections.unmodifiableMap(m);
        this.agreements = List.copyOf(agreements);
        var ids = new LinkedHashMap<String, Agreement>();
        var lives = new LinkedHashMap<String, Lifecycle>();
        for (Agreement a : this.agreements) {
            if (ids.put(a.id(), a) != null) {
                throw new IllegalArgumentException("agreement " + a.id() + " is declared twice");
            }
            for (Party p : a.parties()) {
                requireMember(a.id(), p);
            }
            for (Agreement.ScopeFrom scope : a.scopes()) {
                scope.scope().highest().values().forEach(l -> requireLevel(a.id(), l));
            }
            for (EquivalenceTable.Row row : a.equivalence().rows()) {
                row.levels().forEach((party, levels) -> {
                    if (!a.parties().contains(party)) {
                        throw new IllegalArgumentException(a.id() + ": the equivalence table names " + party
                                + ", which is not a party");
                    }
                    levels.forEach(l -> requireLevel(a.id(), l));
                });
            }
            lives.put(a.id(), Lifecycle.of(a));
        }
        this.byId = java.util.Collections.unmodifiableMap(ids);
        this.lifecycles = java.util.Collections.unmodifiableMap(lives);
        this.channels = List.copyOf(channels);
        for (Channel c : this.channels) {
            c.rotation().forEach(p -> requireMember(c.id(), p));
        }
        this.sites = List.copyOf(sites);
        for (Site s : this.sites) {
            requireMember(s.name(), s.host());
            if (!byId.containsKey(s.agreement())) {
                throw new IllegalArgumentException(s.name() + ": unknown agreement " + s.agreement());
            }
        }
        this.outages = List.copyOf(outages);
        for (Outage o : this.outages) {
            requireMember("an outage", o.party());
        }
    }

    private void requireMember(String where, Party p) {
        if (!members.containsKey(p)) {
            throw new IllegalArgumentException(where + ": party " + p + " is not declared");
        }
    }

    private void requireLevel(String where, Level l) {
        requireMember(where, l.party());
        if (!members.get(l.party()).scheme().contains(l)) {
            throw new IllegalArgumentException(where + ": " + l.name() + " is not a level of " + l.party());
        }
    }

    public List<Member> members() {
        return List.copyOf(members.values());
    }

    public List<Party> parties() {
        return List.copyOf(members.keySet());
    }

    public boolean has(Party party) {
        return members.containsKey(party);
    }

    /** Resolves a party code typed by a person (any case). */
    public Party party(String code) {
        String upper = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (Party.isCode(upper) && members.containsKey(Party.of(upper))) {
            return Party.of(upper);
        }
        throw new UnknownPartyException(code, members.keySet());
    }

    public Member member(Party party) {
        Member m = members.get(party);
        if (m == null) {
            throw new UnknownPartyException(party.code(), members.keySet());
        }
        return m;
    }

    public ClassificationScheme scheme(Party party) {
        return member(party).scheme();
    }

    public Optional<ClassificationScheme> findScheme(Party party) {
        return Optional.ofNullable(members.get(party)).map(Member::scheme);
    }

    /** In declaration order, which is the order the release policy tries them in. */
    public List<Agreement> agreements() {
        return agreements;
    }

    public Optional<Agreement> agreement(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Lifecycle lifecycle(Agreement agreement) {
        Lifecycle l = lifecycles.get(agreement.id());
        if (l == null || byId.get(agreement.id()) != agreement) {
            return agreement.lifecycle();
        }
        return l;
    }

    /**
     * This scenario with one more event recorded for an agreement (a notice, a suspension… given after the
     * scenario was written). The event must come on or after the agreement's last one and make a possible life.
     *
     * @throws trisec.DomainException naming what is wrong
     */
    public Scenario withEvent(String agreementId, LifecycleEvent event) {
        Agreement a = agreement(agreementId).orElseThrow(() -> new trisec.DomainException("unknown agreement '"
                + agreementId + "'"));
        if (!a.events().isEmpty() && event.at().isBefore(a.events().getLast().at())) {
            throw new trisec.DomainException(agreementId + ": the event is dated before the agreement's last event ("
                    + trisec.agreement.AgreementStatus.format(a.events().getLast().at()) + ")");
        }
        var events = new java.util.ArrayList<>(a.events());
        events.add(event);
        var problems = Lifecycle.problems(a.term(), a.noticePeriod(), events);
        if (!problems.isEmpty()) {
            throw new trisec.DomainException(agreementId + ": " + event.type() + " " + problems.getFirst().message());
        }
        var changed = new Agreement(a.id(), a.kind(), a.title(), a.parties(), a.hub(), a.scope(), a.equivalence(),
                a.term(), a.noticePeriod(), a.legallyBinding(), events, a.notes(), a.sources());
        var list = agreements.stream().map(x -> x.id().equals(agreementId) ? changed : x).toList();
        return new Scenario(members(), list, channels, sites, outages);
    }

    public List<Channel> channels() {
        return channels;
    }

    public List<Site> sites() {
        return sites;
    }

    /** The periods during which a party's node forwards nothing for others; empty in every real scenario. */
    public List<Outage> outages() {
        return outages;
    }
}
