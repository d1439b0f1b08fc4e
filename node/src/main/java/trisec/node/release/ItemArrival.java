package trisec.node.release;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import trisec.agreement.AgreementKind;
import trisec.label.ConfidentialityLabel;
import trisec.node.base.Self;
import trisec.node.federation.Incoming;
import trisec.node.federation.MessageHandler;
import trisec.node.federation.MessageRefused;
import trisec.node.federation.MessageSignatures;
import trisec.node.federation.Messages.ConsentProof;
import trisec.node.federation.Messages.ItemData;
import trisec.node.federation.Messages.ItemDelivery;
import trisec.node.federation.Messages.Receipt;
import trisec.node.federation.Postbox;
import trisec.item.Item;
import trisec.node.item.HeldItem;
import trisec.node.item.ItemReceived;
import trisec.node.item.Labels;
import trisec.node.item.Relabels;
import trisec.item.Consent;
import trisec.item.Release;
import trisec.node.consent.ConsentCase;
import trisec.node.consent.Consents;
import trisec.node.item.Items;
import trisec.node.item.Retractions;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleaseRequest;
import trisec.policy.Verdict;

/**
 * A partner's release arriving: the copy of an item, for this node or, as the hub, to forward. The leg that
 * arrives is decided again on this node's own agreements; whatever it would not have allowed is refused.
 */
final class ItemArrival implements MessageHandler<ItemDelivery> {
    private final Self self;
    private final Postbox postbox;
    private final Runnable wakeCourier;
    private final Relabels relabels;
    private final Decisions decisions;
    private final List<ItemReceived> onReceived;

    ItemArrival(Self self, Postbox postbox, Runnable wakeCourier, Relabels relabels, Decisions decisions,
                List<ItemReceived> onReceived) {
        this.self = self;
        this.onReceived = List.copyOf(onReceived);
        this.decisions = decisions;
        this.postbox = postbox;
        this.wakeCourier = wakeCourier;
        this.relabels = relabels;
    }

    @Override
    public Class<ItemDelivery> type() {
        return ItemDelivery.class;
    }

    @Override
    public Optional<String> itemOf(ItemDelivery message) {
        return Optional.of(message).map(ItemDelivery::item).map(ItemData::id);
    }

    @Override
    public Receipt handle(Handle h, Incoming m, ItemDelivery d) {
        Party sender = m.sender();
        ItemData item = d.item();
        if (item == null || d.route() == null || d.releaseId() == null) {
            throw new MessageRefused("the delivery lacks its item, route or release id");
        }
        if (!Incoming.isUuid(item.id()) || !Incoming.isUuid(d.releaseId())) {
            throw new MessageRefused("item and release ids are UUIDs");
        }
        ConfidentialityLabel label = Labels.of(item, self.facts().scenario());
        if (!Postbox.header(label).equals(m.label())) {
            throw new MessageRefused("the envelope's label does not match the item's label");
        }
        Party originator = label.originator();
        if (Retractions.by(h, item.id(), originator.code())) {
            throw new MessageRefused("the originator " + originator + " has retracted this item");
        }
        var originatorIdentity = self.identityOf(originator);
        if (originatorIdentity.isEmpty()) {
            throw new MessageRefused("the originator " + originator + " is not a partner of this node, so its "
                    + "signature cannot be checked");
        }
        if (!MessageSignatures.verifyItem(originatorIdentity.get(), item)) {
            throw new MessageRefused("the originator's signature over the item and its label does not verify");
        }
        if (d.route() == null || d.route().stream().anyMatch(p -> !Party.isCode(p))) {
            throw new MessageRefused("the route " + d.route() + " is not a list of party codes");
        }
        List<Party> route = d.route().stream().map(Party::of).toList();
        if (route.stream().distinct().count() != route.size()) {
            throw new MessageRefused("the route " + d.route() + " names a party twice");
        }
        if (route.size() < 2 || route.size() > 3 || !route.getFirst().equals(sender)) {
            throw new MessageRefused("the route " + d.route() + " does not start with the sender " + sender);
        }
        boolean forwarding = route.size() == 3 && route.get(1).equals(self.party());
        if (!forwarding && !route.getLast().equals(self.party())) {
            throw new MessageRefused("this node is not on the route " + d.route());
        }
        Party finalRecipient = route.getLast();
        boolean consent = d.consent() != null && consentHolds(d.consent(), item.id(), originator, finalRecipient);
        Instant now = self.clock().instant();

        // Re-decide the leg that arrives here with this node's own agreements.
        ReleaseDecision arriving = self.facts().policy().decide(new ReleaseRequest(label, sender, self.party(), now,
                consent || sender.equals(originator)));
        if (arriving.verdict() != Verdict.PERMIT) {
            throw new MessageRefused("on its own agreements " + self.party() + " would not receive this from "
                    + sender + ": " + String.join("; ", arriving.reasonTexts()));
        }
        if (arriving.route().size() != 2) {
            // A hub route is no licence to receive directly: the leg that arrived needs an agreement of its own.
            throw new MessageRefused("on its own agreements " + self.party() + " would receive this from " + sender
                    + " only through " + arriving.route().get(1) + " (" + String.join(", ", arriving.basis())
                    + "), not directly: " + directAgreements(sender, now));
        }
        Level held = arriving.recipientLevel().orElseThrow();
        ReleaseDecision onward = null;
        if (forwarding) {
            // The hub answers the party that sent it the item, about the release it named: nothing else.
            if ((d.originParty() != null && !d.originParty().equals(sender.code()))
                    || (d.originRelease() != null && !d.originRelease().equals(d.releaseId()))) {
                throw new MessageRefused("a delivery to the hub names its sender and its own release as its origin");
            }
            if (!consent) {
                throw new MessageRefused("a hub forwards only with the originator's consent, and none is attached");
            }
            onward = decisions.decide(new Decisions.Question(label, self.party(), finalRecipient, now, true,
                    Optional.of(item.id()), Optional.empty()));
            if (onward.verdict() != Verdict.PERMIT || onward.route().size() != 2) {
                throw new MessageRefused("on its own agreements " + self.party() + " would not forward this to "
                        + finalRecipient + ": " + String.join("; ", onward.reasonTexts()));
            }
        }
        storeCopy(h, Labels.item(item, label), sender, held, now);
        relabels.applyWaiting(h, item.id(), originator);
        if (d.consent() != null && consent) {
            recordConsent(h, d.consent(), originator, sender, finalRecipient);
        }
        if (!forwarding) {
            return m.accepted(d.releaseId(), item.id(), held.name(), null);
        }
        // As hub: a release of our own, serving the sender's, straight into the outbox (the originator consented).
        var origin = new TrackedRelease.Origin(sender, d.originRelease() == null ? d.releaseId() : d.originRelease());
        var release = TrackedRelease.fresh(new Release(UUID.randomUUID().toString(), item.id(), onward.route(),
                onward.basis(), onward.recipientLevel()), ReleaseStatus.QUEUED, Optional.empty(), now,
                Optional.of(d.consent().consentId()), Optional.of(origin));
        Releases.insert(h, release);
        decisions.record(h, sender.code(), Decisions.Purpose.FORWARD, new Decisions.Question(label, self.party(),
                finalRecipient, now, true, Optional.of(item.id()), Optional.of(release.id())), onward);
        var delivery = new ItemDelivery(item, release.id(), Labels.codes(onward.route()), d.consent(),
                origin.party().code(), origin.releaseId());
        postbox.post(h, finalRecipient, delivery, Postbox.header(label), Optional.of(release.id()));
        m.afterCommit(wakeCourier);
        return m.forwarding(d.releaseId(), item.id(), held.name(),
                "forwarding to " + finalRecipient + " under " + String.join(", ", onward.basis()));
    }

    /** How the security-of-information agreements between {@code other} and this party stand at {@code at}. */
    private String directAgreements(Party other, Instant at) {
        var scenario = self.facts().scenario();
        var sias = scenario.agreements().stream()
                .filter(a -> a.kind() == AgreementKind.SIA && a.parties().contains(other)
                        && a.parties().contains(self.party()))
                .map(a -> a.id() + " is " + scenario.lifecycle(a).statusAt(at).describe()).toList();
        return sias.isEmpty() ? "no security-of-information agreement with " + other : String.join("; ", sias);
    }

    private boolean consentHolds(ConsentProof c, String itemId, Party originator, Party recipient) {
        if (!c.granted() || !itemId.equals(c.itemId()) || !recipient.code().equals(c.recipient())) {
            return false;
        }
        var identity = self.identityOf(originator);
        return identity.isPresent() && MessageSignatures.verifyConsent(identity.get(), c);
    }

    private void storeCopy(Handle h, Item item, Party from, Level held, Instant now) {
        if (Items.byId(h, item.id()).isPresent()) {
            return; // already held (our own item coming back, or an earlier delivery): keep the one copy
        }
        var copy = new HeldItem(item, held, Optional.of(from), Optional.of(now), false, Optional.empty());
        Items.insert(h, Labels.row(copy));
        for (ItemReceived listener : onReceived) {
            listener.received(h, copy);
        }
    }

    /** A consent that {@link #consentHolds}: signed by the item's originator, for this item and recipient. */
    private void recordConsent(Handle h, ConsentProof c, Party originator, Party holder, Party recipient) {
        if (Consents.byId(h, c.consentId()).isPresent()) {
            return;
        }
        Instant decided = Instant.parse(c.decidedAt());
        var consent = new Consent(c.consentId(), c.itemId(), originator, holder, recipient);
        Consents.insert(h, new ConsentCase(consent, ConsentCase.Direction.OUT, ConsentCase.State.GRANTED, decided,
                Optional.of(decided), Optional.empty(), Optional.of(c)));
    }
}
