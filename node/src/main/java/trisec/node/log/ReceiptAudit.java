package trisec.node.log;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trisec.audit.merkle.Verify;
import trisec.node.base.Peer;
import trisec.node.base.PeerClient;
import trisec.node.store.Store;
import trisec.party.Party;

/**
 * The receipts partners signed, checked against their logs once this node's witness has accepted a checkpoint
 * that covers them: a receipt names the RECEIVED entry its signer put in its log, and that entry must be there.
 */
final class ReceiptAudit {
    private static final Logger log = LoggerFactory.getLogger(ReceiptAudit.class);

    private final Store store;
    private final InstantSource clock;
    private final PeerClient client;
    private final Resend resend;

    ReceiptAudit(Store store, InstantSource clock, PeerClient client, Resend resend) {
        this.resend = resend;
        this.store = store;
        this.clock = clock;
        this.client = client;
    }

    /** How many of a partner's receipts are checked against its log per poll at most, and for how long. */
    static final int RECEIPTS_PER_POLL = 100;
    static final Duration RECEIPT_BUDGET = Duration.ofSeconds(2);
    /**
     * A checkpoint accepted this long after a receipt was kept must cover the receipt's entry: the signer puts the
     * entry in its log before it signs the receipt, and signs a checkpoint of it within a second.
     */
    static final Duration OVERDUE = Duration.ofMinutes(5);

    /**
     * Checks the partner's receipts whose RECEIVED entries the checkpoint accepted from it covers: each entry must
     * be in the log at the index the receipt names, with the leaf hash it names (an inclusion proof against the
     * accepted root). A receipt whose entry is not there — the proof fails, the partner refuses to give one for an
     * index inside its own checkpoint, or a checkpoint signed long after the receipt still does not reach the
     * index — was signed for something the partner's log does not hold: the alarm is raised (an audit entry and
     * the node's log), once per receipt, and the first time the message is sent again if this node sent it, so
     * that the partner either holds it after all or repeats the receipt it gave.
     *
     * @return how many receipts were found missing
     */
    int check(Peer peer) {
        Party party = peer.identity().party();
        String origin = Peer.logOrigin(peer.identity());
        // Size, root and the time of acceptance together: another instance may accept a newer one meanwhile.
        record Seen(long size, byte[] root, Instant at) {}
        Optional<Seen> seen = store.read(h -> h.createQuery(
                "SELECT size, root, accepted_at FROM witnessed WHERE origin = :o").bind("o", origin)
                .map((rs, c) -> new Seen(rs.getLong("size"), rs.getBytes("root"), Store.instant(rs, "accepted_at")))
                .findOne());
        if (seen.isEmpty()) {
            return 0;
        }
        long size = seen.get().size();
        byte[] root = seen.get().root();
        long deadline = System.nanoTime() + RECEIPT_BUDGET.toNanos();
        int missing = 0;
        List<ReceiptChecks.Row> due = store.read(h -> ReceiptChecks.due(h, party.code(), size,
                seen.get().at().minus(OVERDUE), RECEIPTS_PER_POLL));
        for (ReceiptChecks.Row row : due) {
            if (System.nanoTime() > deadline) {
                break; // the rest at the next poll: a slow partner must not hold up witnessing the others
            }
            String why;
            if (row.logIndex() >= size) {
                why = "its checkpoint of size " + size + ", signed more than " + OVERDUE.toMinutes()
                        + " minutes after the receipt, does not reach it";
            } else {
                Optional<PeerClient.Answer> answer = client.get(peer, "/api/v1/log/proof/inclusion?index=" + row.logIndex()
                        + "&size=" + size);
                int status = answer.map(PeerClient.Answer::status).orElse(0);
                if (status != 200 && status != 400 && status != 404) {
                    break; // unreachable, failing, redirected, throttled: says nothing about the log; next poll
                }
                if (answer.get().status() == 200) {
                    Optional<List<byte[]>> proof = Witness.hashes(Optional.of(answer.get().body()));
                    if (proof.isEmpty()) {
                        break; // not a proof (a proxy's page, say): says nothing about the log
                    }
                    byte[] leaf;
                    try {
                        leaf = Base64.getDecoder().decode(row.logLeaf());
                    } catch (IllegalArgumentException e) {
                        leaf = new byte[0]; // cannot be included: raised below rather than stop every later check
                    }
                    if (leaf.length == 32 && Verify.inclusion(leaf, row.logIndex(), size, proof.get(), root)) {
                        Instant now = clock.instant();
                        store.useTransaction(h -> ReceiptChecks.settle(h, row, ReceiptChecks.VERIFIED, null, now));
                        continue;
                    }
                    why = "its checkpoint of size " + size + " does not hold it";
                } else {
                    why = "it answered " + answer.get().status() + " when asked to prove it in its checkpoint of size "
                            + size;
                }
            }
            String detail = party + " signed a receipt for message " + row.messageId() + " naming entry "
                    + row.logIndex() + " of its log; " + why;
            Instant now = clock.instant();
            boolean raised = store.inTransaction(h -> {
                if (!ReceiptChecks.settle(h, row, ReceiptChecks.MISSING, detail, now)) {
                    return false;
                }
                // Sent again once per message: a partner answering each copy with another bad receipt gets no more.
                boolean resent = row.alarms() == 0 && resend.resend(h, row.messageId(), now);
                AuditLog.append(h, AuditEntry.of(AuditEntry.Type.RECEIPT_MISSING, now, party.code())
                        .with("message", row.messageId()).with("index", row.logIndex()).with("size", size)
                        .with("resent", resent));
                return true;
            });
            if (raised) {
                missing++;
                log.error("RECEIPT NOT IN LOG: {}", detail); // the courier sends it again at its next round
            }
        }
        return missing;
    }
}
