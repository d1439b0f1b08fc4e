package trisec.agreement;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import trisec.party.Party;

/**
 * An agreement between governments, as data: who, what kind, what it covers, how its levels correspond,
 * how long its terms run and how it may be ended, and what has happened to it.
 *
 * @param term         length of each term for agreements renewed term by term (GSOMIA: one year); empty for
 *                     agreements that run until terminated
 * @param noticePeriod how long before the end of a term a termination notice must be given (GSOMIA: 90 days)
 * @param hub          the hub party of a hub arrangement or data mechanism
 * @param events       in the order they happened
 */
public record Agreement(
        String id,
        AgreementKind kind,
        String title,
        List<Party> parties,
        Optional<Party> hub,
        Scope scope,
        EquivalenceTable equivalence,
        Optional<Period> term,
        Optional<Period> noticePeriod,
        boolean legallyBinding,
        List<LifecycleEvent> events,
        String notes,
        List<String> sources) {

    public Agreement {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("an agreement id is lower-case words joined by '-', got '" + id + "'");
        }
        parties = List.copyOf(parties);
        events = List.copyOf(events);
        sources = List.copyOf(sources);
        if (parties.size() < 2 || parties.stream().distinct().count() != parties.size()) {
            throw new IllegalArgumentException(id + ": an agreement has at least two distinct parties");
        }
        if (hub.isPresent() && !parties.contains(hub.get())) {
            throw new IllegalArgumentException(id + ": hub " + hub.get() + " is not among the parties");
        }
        if (kind == AgreementKind.HUB_ARRANGEMENT && hub.isEmpty()) {
            throw new IllegalArgumentException(id + ": a hub arrangement names its hub");
        }
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).at().isBefore(events.get(i - 1).at())) {
                throw new IllegalArgumentException(id + ": events are listed in the order they happened");
            }
        }
        if (term.isPresent() && (term.get().isNegative() || term.get().isZero())) {
            throw new IllegalArgumentException(id + ": a term is a positive period");
        }
    }

    public boolean isBetween(Party a, Party b) {
        return parties.contains(a) && parties.contains(b);
    }

    /**
     * What the agreement covers at {@code t}: the scope of its latest amendment at or before {@code t} that states
     * one, else the scope it was made with.
     */
    public Scope scopeAt(Instant t) {
        Scope current = scope;
        for (LifecycleEvent e : events) {
            if (e.at().isAfter(t)) {
                break;
            }
            if (e instanceof LifecycleEvent.Amended a && a.scope().isPresent()) {
                current = a.scope().get();
            }
        }
        return current;
    }

    /** A scope the agreement has from an instant on, until the next one begins. */
    public record ScopeFrom(Instant from, Scope scope) {}

    /** The scopes the agreement has over its life, in order: the first from {@link Instant#MIN}. */
    public List<ScopeFrom> scopes() {
        var out = new java.util.ArrayList<ScopeFrom>();
        out.add(new ScopeFrom(Instant.MIN, scope));
        for (LifecycleEvent e : events) {
            if (e instanceof LifecycleEvent.Amended a && a.scope().isPresent()) {
                out.add(new ScopeFrom(a.at(), a.scope().get()));
            }
        }
        return List.copyOf(out);
    }

    /** This agreement with other events (the ones a hypothetical option gives it), everything else the same. */
    public Agreement withEvents(List<LifecycleEvent> newEvents) {
        return new Agreement(id, kind, title, parties, hub, scope, equivalence, term, noticePeriod, legallyBinding,
                newEvents, notes, sources);
    }

    /** The agreement's lifecycle, computed from its events. */
    public Lifecycle lifecycle() {
        return Lifecycle.of(this);
    }

    @Override
    public String toString() {
        return id;
    }
}
