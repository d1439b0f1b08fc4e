package trisec.node.option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trisec.node.base.Self;
import trisec.node.item.Holdings;
import trisec.node.item.ItemRow;
import trisec.node.item.Items;
import trisec.node.person.Account;
import trisec.node.release.Releases;
import trisec.node.release.TrackedRelease;
import trisec.option.PastRelease;
import trisec.party.Party;
import trisec.policy.ReleaseRequest;
import trisec.policy.Verdict;
import trisec.scenario.Scenario;

/**
 * This node's recorded releases as an option's history impact reads them (docs/OPTIONS.md, "On the node"): every
 * release in the releases table (this party's own requests, and what it forwarded as a hub) requested since the
 * option's first change (an earlier one it cannot change) of an item the person may read, oldest first. Where an item went says something about it, so a release of an item the person may not read is
 * left out, as the outbox leaves it out.
 *
 * <p>Each is asked again as it was first asked: the item's label as this node holds it; as the holder, this node for
 * its own requests, and for a forward it made as a hub the party whose release through the hub it served (the sender,
 * its {@link TrackedRelease.Origin}), since the hub's own record is only its leg, hub → recipient, which an option
 * ending the hub arrangement or taking the hub down would not touch, though the release it served would then not go
 * through the hub at all; the final recipient; the instant it was requested; and whether the originator's consent was
 * then on record. A release of this node's own request that asked for the originator's consent (it has a consent
 * case) was decided {@code CONSENT_REQUIRED} without one; any other was permitted, with consent on record where the
 * holder is not the originator (the policy reads it only then): a hub's forwarding carries the originator's signed
 * consent. Its route and basis are the ones recorded: those of the decision that let it go, which for a release that
 * waited for consent rests on the same agreements as the one that asked (the history impact compares the real
 * agreements' answer with the option's, not with these).
 *
 * @param releases the releases read, oldest first, by id
 * @param items    the items they are of, as the person sees them, by id
 */
public record OptionHistory(Optional<Instant> since, List<PastRelease> history, Map<String, TrackedRelease> releases,
                            Map<String, Holdings.View> items) {
    public OptionHistory {
        history = List.copyOf(history);
        releases = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(releases));
        items = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(items));
    }

    /**
     * @param since the option's first change ({@code Option.firstChange}): only the releases requested at or after it
     *              are read, since before it the option's agreements answer every question as the real ones do;
     *              empty (an option that names no date) reads them all
     */
    static OptionHistory of(Self self, Holdings holdings, Account person, Optional<Instant> since) {
        Scenario scenario = self.facts().scenario();
        List<TrackedRelease> newestFirst = self.store().read(h -> since.isPresent()
                ? Releases.since(h, scenario, since.get()) : Releases.all(h, scenario));
        List<String> itemIds = newestFirst.stream().map(TrackedRelease::itemId).distinct().toList();
        var readable = new LinkedHashMap<String, Holdings.View>();
        for (ItemRow row : self.store().read(h -> Items.byIds(h, itemIds))) {
            Holdings.View v = holdings.view(person, row);
            if (v.access().granted()) {
                readable.put(row.id(), v);
            }
        }
        var history = new ArrayList<PastRelease>();
        var releases = new LinkedHashMap<String, TrackedRelease>();
        var items = new LinkedHashMap<String, Holdings.View>();
        for (TrackedRelease r : newestFirst.reversed()) {
            Holdings.View v = readable.get(r.itemId());
            if (v == null) {
                continue;
            }
            history.add(past(r, v));
            releases.put(r.id(), r);
            items.put(v.item().id(), v);
        }
        return new OptionHistory(since, history, releases, items);
    }

    /** A recorded release as the question it answered and the decision recorded. */
    static PastRelease past(TrackedRelease r, Holdings.View item) {
        List<Party> route = r.release().route();
        boolean askedConsent = r.consentId().isPresent() && r.origin().isEmpty();
        // A hub's forward is its own leg (hub → recipient) of the sender's release through it: asked as the sender
        // asked it, since without that release there would have been nothing to forward.
        Party holder = r.origin().map(TrackedRelease.Origin::party).orElse(route.getFirst());
        var request = new ReleaseRequest(item.label(), holder, r.recipient(), r.requestedAt(), !askedConsent);
        return new PastRelease(r.id(), request, askedConsent ? Verdict.CONSENT_REQUIRED : Verdict.PERMIT, route,
                r.release().basis());
    }
}
