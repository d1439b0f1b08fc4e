package trisec.node.base;

import trisec.agreement.LifecycleEvent;
import trisec.policy.ReleasePolicy;
import trisec.scenario.Scenario;

/**
 * The agreements as this node knows them: the scenario it was started with, plus the events recorded since
 * (by its own admin or in signed notes from partner nodes). Every node records the same notes, so every node
 * decides on the same facts. Readers get an immutable snapshot; recording builds a new one.
 */
public final class Facts {
    private record Snapshot(Scenario scenario, ReleasePolicy policy) {}

    private volatile Snapshot current;

    public Facts(Scenario base) {
        this.current = new Snapshot(base, ReleasePolicy.of(base));
    }

    public Scenario scenario() {
        return current.scenario();
    }

    public ReleasePolicy policy() {
        return current.policy();
    }

    /** Would this event be accepted? Throws a {@link trisec.DomainException} saying why not. */
    public Scenario check(String agreementId, LifecycleEvent event) {
        return current.scenario().withEvent(agreementId, event);
    }

    /**
     * Runs {@code work} — checking an agreement event, storing it and recording it — while no other event is being
     * checked, stored or recorded: two events that each fit the facts alone (an administrator's here and a
     * partner's note, say) may not fit together, and the second must be checked against the first.
     */
    public synchronized <T> T serially(java.util.function.Supplier<T> work) {
        return work.get();
    }

    /** Records an event that {@link #check} accepted; called after the transaction that stores it commits. */
    public synchronized void record(String agreementId, LifecycleEvent event) {
        Scenario next = current.scenario().withEvent(agreementId, event);
        current = new Snapshot(next, ReleasePolicy.of(next));
    }
}
