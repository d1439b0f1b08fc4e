package trisec.audit.note;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Signing notes and checking their signatures (c2sp.org/signed-note, Signatures). */
public final class Notes {
    private Notes() {}

    /**
     * {@code text} signed by each of {@code signers}, in order.
     *
     * @throws NoteException if the text is not note text (it must end with a newline and contain no control character
     *     but newline), if there is no signer, or if two signers are the same key (name and key hash)
     */
    public static SignedNote sign(String text, List<NoteSigner> signers) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(signers, "signers");
        Syntax.requireNoteText(text);
        if (signers.isEmpty()) {
            throw NoteException.malformed("a note needs at least one signer");
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<SignedNote.Signature> signatures = new ArrayList<>(signers.size());
        for (NoteSigner signer : signers) {
            String name = signer.keyName();
            byte[] hash = signer.keyHash();
            for (SignedNote.Signature s : signatures) {
                if (s.isFrom(name, hash)) {
                    throw NoteException.malformed("the key " + name + "+" + Syntax.hex(hash) + " signs twice");
                }
            }
            signatures.add(new SignedNote.Signature(name, hash, signer.sign(message.clone())));
        }
        return new SignedNote(text, signatures);
    }

    /**
     * The names of the known keys whose signatures on {@code note} verify, in the note's order, each once.
     *
     * <p>As c2sp.org/signed-note requires, a signature line is a known key's only if both its key name and its key
     * hash match a verifier; other lines (other keys, other signature types, a partner's ML-DSA line for a generic
     * verifier) are ignored. Every line of a known key is checked, and one that fails condemns the whole note (the
     * spec's SHOULD, which we make a MUST): a forged line next to a good one is an attack to report, not noise to
     * skip.
     *
     * @throws NoteException {@link NoteException.Reason#FORGED FORGED} if a known key's signature does not verify,
     *     {@link NoteException.Reason#UNVERIFIED UNVERIFIED} if no known key signed the note
     * @throws IllegalArgumentException if two verifiers claim the same key name and key hash, which makes the
     *     configuration, not the note, wrong
     */
    public static List<String> verify(SignedNote note, List<NoteVerifier> known) {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(known, "known");
        for (int i = 0; i < known.size(); i++) {
            for (int j = i + 1; j < known.size(); j++) {
                if (known.get(i).keyName().equals(known.get(j).keyName())
                        && java.util.Arrays.equals(known.get(i).keyHash(), known.get(j).keyHash())) {
                    throw new IllegalArgumentException("two verifiers for the key " + known.get(i).keyName() + "+"
                            + Syntax.hex(known.get(i).keyHash()));
                }
            }
        }
        byte[] message = note.text().getBytes(StandardCharsets.UTF_8);
        Set<String> verified = new LinkedHashSet<>();
        for (SignedNote.Signature s : note.signatures()) {
            for (NoteVerifier v : known) {
                if (s.isFrom(v.keyName(), v.keyHash())) {
                    if (!verifies(v, message, s.signature())) {
                        throw new NoteException(NoteException.Reason.FORGED, "forged: the signature of "
                                + s.keyName() + "+" + s.keyId() + " does not verify");
                    }
                    verified.add(s.keyName());
                }
            }
        }
        if (verified.isEmpty()) {
            throw new NoteException(NoteException.Reason.UNVERIFIED, "no known key signed the note (it is signed by "
                    + note.signatures().stream().map(s -> s.keyName() + "+" + s.keyId()).distinct().toList() + ")");
        }
        return List.copyOf(verified);
    }

    /** A verifier that throws on hostile input has not accepted it. */
    private static boolean verifies(NoteVerifier v, byte[] message, byte[] signature) {
        try {
            return v.verify(message.clone(), signature);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
