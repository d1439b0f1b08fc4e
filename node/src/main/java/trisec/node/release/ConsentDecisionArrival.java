package trisec.node.release;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.node.base.Peer;
import trisec.node.base.Self;
import trisec.node.federation.Incoming;
import trisec.node.federation.MessageHandler;
import trisec.node.federation.MessageRefused;
import trisec.node.federation.MessageSignatures;
import trisec.node.federation.Messages.ConsentDecision;
import trisec.node.federation.Messages.ConsentProof;
import trisec.node.federation.Messages.Receipt;
import trisec.node.item.Labels;
import trisec.item.Consent;
import trisec.node.consent.ConsentCase;
import trisec.node.consent.Consents;
import trisec.node.item.ItemRow;
import trisec.node.item.Items;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.Verdict;

/**
 * The originator's signed answer to this node's request for consent. A grant puts the release that waited for it
 * before a disclosure official again, decided anew; a refusal closes it.
 */
final class ConsentDecisionArrival implements MessageHandler<ConsentDecision> {
    private final Self self;
    private final Decisions decisions;

    ConsentDecisionArrival(Self self, Decisions decisions) {
        this.self = self;
        this.decisions = decisions;
    }

    @Override
    public Class<ConsentDecision> type() {
        return ConsentDecision.class;
    }

    @Override
    public Receipt handle(Handle h, Incoming m, ConsentDecision d) {
        Party sender = m.sender();
        ConsentProof proof = d.proof();
        if (proof == null) {
            throw new MessageRefused("the decision lacks its proof");
        }
        ConsentCase asked = Consents.lock(h, proof.consentId())
                .filter(c -> c.direction() == ConsentCase.Direction.OUT)
                .orElseThrow(() -> new MessageRefused("no consent request " + proof.consentId() + " here"));
        Consent consent = asked.consent();
        if (!consent.originator().equals(sender) || !consent.itemId().equals(proof.itemId())
                || !consent.recipient().code().equals(proof.recipient())) {
            throw new MessageRefused("the decision does not answer request " + proof.consentId());
        }
        var identity = self.peers().of(sender).map(Peer::identity).orElseThrow();
        if (!MessageSignatures.verifyConsent(identity, proof)) {
            throw new MessageRefused("the consent is not " + sender + "'s signature");
        }
        if (!asked.pending()) {
            return m.accepted(null, proof.itemId(), null, "already decided");
        }
        Instant now = self.clock().instant();
        Consents.decide(h, consent.id(), proof.granted(), now, sender.code(), Optional.of(proof));
        Optional<TrackedRelease> release = Releases.byConsent(h, self.facts().scenario(), consent.id());
        if (release.isPresent() && release.get().status() == ReleaseStatus.CONSENT_PENDING) {
            if (!proof.granted()) {
                Releases.update(h, release.get().id(), ReleaseStatus.CONSENT_REFUSED, now);
            } else {
                ItemRow item = Items.byId(h, consent.itemId()).orElseThrow();
                ReleaseDecision d2 = decisions.decide(h, sender.code(), Decisions.Purpose.CONSENT,
                        new Decisions.Question(Labels.held(item, self.facts().scenario(), self.scheme()).item().label(),
                                self.party(),
                                consent.recipient(), now, true, Optional.of(item.id()),
                                Optional.of(release.get().id())));
                if (d2.verdict() == Verdict.PERMIT) {
                    Releases.redecided(h, release.get().release().redecided(d2.route(), d2.basis(),
                            d2.recipientLevel()), ReleaseStatus.AWAITING_APPROVAL, now);
                } else {
                    Releases.update(h, release.get().id(), ReleaseStatus.WITHDRAWN, now);
                }
            }
        }
        return m.accepted(release.map(TrackedRelease::id).orElse(null), proof.itemId(), null, null);
    }
}
