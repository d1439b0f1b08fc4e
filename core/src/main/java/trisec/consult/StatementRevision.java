package trisec.consult;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.regex.Pattern;
import trisec.DomainException;
import trisec.envelope.Canonical;

/**
 * One revision of a joint statement: what the parties' nodes sign. Its {@link #hash()} binds the statement's id,
 * the revision's number, the channel, the meeting if any, the title and the three texts as UTF-8, each a
 * length-prefixed field ({@link Canonical}), so that two revisions differing by one byte anywhere have different
 * hashes, and a signature over one revision can never stand for another or for another statement.
 *
 * @param meeting the meeting the statement comes out of, by the id its records give it, if any
 */
public record StatementRevision(String statementId, int revision, String channel, Optional<String> meeting,
                                String title, StatementTexts texts) {
    /** The purpose under which a node signs a revision's hash ({@code trisec.envelope.Signatures}). */
    public static final String SIGNATURE_PURPOSE = "trisec joint statement v1";
    public static final int MAX_TITLE = 200;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    public StatementRevision {
        if (statementId == null || !ID.matcher(statementId).matches()) {
            throw new DomainException("a statement's id is 1 to 100 letters, digits, '.', '_', ':' or '-'");
        }
        if (revision < 1) {
            throw new DomainException("revision must be 1 or more, not " + revision);
        }
        if (channel == null || !ID.matcher(channel).matches()) {
            throw new DomainException("channel is missing: name the consultation channel by its id");
        }
        meeting = meeting == null ? Optional.empty() : meeting;
        if (meeting.isPresent() && !ID.matcher(meeting.get()).matches()) {
            throw new DomainException("meeting is named by an id of 1 to 100 letters, digits, '.', '_', ':' or '-'");
        }
        if (title == null || title.isBlank()) {
            throw new DomainException("title is missing");
        }
        if (title.length() > MAX_TITLE) {
            throw new DomainException("title is " + title.length() + " characters long, more than the " + MAX_TITLE
                    + " it may have");
        }
        StatementTexts.Text.problem(title).ifPresent(p -> {
            throw new DomainException("title " + p);
        });
        if (texts == null) {
            throw new DomainException("texts are missing: a joint statement has a text in Korean, Japanese and English");
        }
    }

    /** SHA-256 of the revision's canonical encoding: the same bytes at every node that holds the same revision. */
    public byte[] hash() {
        byte[] encoded = new Canonical().add(SIGNATURE_PURPOSE).add(statementId).add(revision).add(channel)
                .add(meeting.orElse("")).add(title).add(texts.ko()).add(texts.ja()).add(texts.en()).bytes();
        try {
            return MessageDigest.getInstance("SHA-256").digest(encoded);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The hash in base64, as nodes exchange and documents carry it. */
    public String hashText() {
        return java.util.Base64.getEncoder().encodeToString(hash());
    }
}
