package trisec.node.consult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trisec.DomainException;
import trisec.consult.StatementRevision;
import trisec.consult.StatementTexts;
import trisec.envelope.PublicIdentity;
import trisec.node.federation.MessageSignatures;
import trisec.party.Party;

/**
 * An adopted joint statement as a signed document: the revision's content, its hash, and every party's node's
 * signature over that hash with the key that made it. Whoever holds the parties' public identities (the nodes'
 * peers files, {@code trisec keys export}) can check it offline with {@link #problems}: the hash is recomputed from
 * the content (format, statement id, revision, channel, meeting, title and texts), so a document whose content
 * changes by one byte does not verify. {@code adoptedAt} and each {@code signedAt} are the exporting node's record,
 * covered by nothing: changed, the document still verifies (docs/CONSULTATION.md, "What is signed").
 */
public record StatementDocument(String format, String statementId, int revision, String channel, String meeting,
                                String title, Texts texts, String hash, String adoptedAt, List<Signer> signatures) {
    public static final String FORMAT = "trisec joint statement v1";

    public record Texts(String ko, String ja, String en) {}

    /** One party's node's signature over the hash, with its key's id. */
    public record Signer(String party, String keyId, String signedAt, String signature) {}

    public StatementDocument {
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
    }

    static StatementDocument of(StatementRevision r, Instant adoptedAt, List<Statements.Signature> signatures,
                                List<Party> parties) {
        var t = r.texts();
        var signers = signatures.stream().filter(s -> parties.contains(s.party()))
                .map(s -> new Signer(s.party().code(), s.keyId(), s.signedAt().toString(), s.signature())).toList();
        return new StatementDocument(FORMAT, r.statementId(), r.revision(), r.channel(), r.meeting().orElse(null),
                r.title(), new Texts(t.ko(), t.ja(), t.en()), r.hashText(), adoptedAt.toString(), signers);
    }

    /**
     * What is wrong with the document for the given parties' nodes: nothing when its hash is the hash of its content
     * and every one of those parties signed it with the key given for it.
     */
    public List<String> problems(Map<Party, PublicIdentity> signatories) {
        var problems = new ArrayList<String>();
        if (!FORMAT.equals(format)) {
            problems.add("format is '" + format + "', not '" + FORMAT + "'");
        }
        byte[] recomputed;
        try {
            recomputed = new StatementRevision(statementId, revision, channel, Optional.ofNullable(meeting), title,
                    texts == null ? null : new StatementTexts(texts.ko(), texts.ja(), texts.en())).hash();
        } catch (DomainException | NullPointerException e) {
            problems.add("the content is not a statement: " + e.getMessage());
            return problems;
        }
        if (!Base64.getEncoder().encodeToString(recomputed).equals(hash)) {
            problems.add("hash is not the hash of the document's content: the content or the hash was changed");
        }
        for (var e : signatories.entrySet()) {
            var signer = signatures.stream().filter(s -> e.getKey().code().equals(s.party())).findFirst();
            if (signatures.stream().filter(s -> e.getKey().code().equals(s.party())).count() > 1) {
                // Only one would be checked: the others would ride along unverified.
                problems.add(e.getKey() + " has more than one signature in the document; a party signs once");
            }
            if (signer.isEmpty()) {
                problems.add(e.getKey() + " has not signed");
            } else if (!MessageSignatures.verifyStatement(e.getValue(), signer.get().keyId(), recomputed,
                    signer.get().signature())) {
                problems.add(e.getKey() + "'s signature does not verify over the document's content with key "
                        + e.getValue().keyId().value());
            }
        }
        for (Signer s : signatures) {
            if (signatories.keySet().stream().noneMatch(p -> p.code().equals(s.party()))) {
                problems.add("a signature by '" + s.party() + "', which is not one of the signatories, is there");
            }
        }
        return problems;
    }
}
