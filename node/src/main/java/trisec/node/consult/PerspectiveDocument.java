package trisec.node.consult;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import trisec.DomainException;
import trisec.consult.Perspective;
import trisec.consult.PerspectiveJudgement;
import trisec.consult.PerspectiveStance;
import trisec.node.base.Json;
import trisec.party.Party;
import trisec.topic.Topic;

/**
 * An assessment as an item's body carries it: the date it speaks for, the party's position and its key judgements.
 * The party is the item's originator and the topic the item's label's, never the body's, so that no node can put
 * its words in another party's mouth nor file them under a topic its label does not protect. Read strictly: every
 * problem is named.
 */
public final class PerspectiveDocument {
    /** The marker and version of the format; a body without it is not an assessment. */
    static final int FORMAT = 1;
    static final int MAX_SUMMARY = 10_000;
    static final int MAX_NOTE = 2_000;
    static final int MAX_JUDGEMENTS = 50;

    private PerspectiveDocument() {}

    public record Doc(Integer trisecPerspective, String asOf, String summary, List<JudgementDoc> judgements) {}

    public record JudgementDoc(String key, String stance, String note) {}

    static Doc of(LocalDate asOf, String summary, List<PerspectiveJudgement> judgements) {
        return new Doc(FORMAT, asOf.toString(), summary, judgements.stream()
                .map(j -> new JudgementDoc(j.key(), j.stance().name(), j.note())).toList());
    }

    /** Whether the item is an assessment (its kind, for interchange). */
    public static boolean isPerspective(trisec.item.Item item) {
        return carried(item.id(), item.originator(), item.label().topic(), item.body()).isPresent();
    }

    /** The assessment an item carries, when its body is one. */
    static Optional<Perspective> carried(String ref, Party originator, Topic topic, String body) {
        try {
            return Optional.of(perspective(ref, originator, topic, Json.read(body, Doc.class)));
        } catch (RuntimeException notAnAssessment) {
            return Optional.empty();
        }
    }

    /** @throws DomainException naming what is missing or wrong */
    static Perspective perspective(String ref, Party party, Topic topic, Doc d) {
        if (d == null || d.trisecPerspective() == null || d.trisecPerspective() != FORMAT) {
            throw new DomainException("not an assessment (trisecPerspective " + FORMAT + ")");
        }
        return new Perspective(ref, party, topic, date("asOf", d.asOf()), summary(d.summary()),
                judgements(d.judgements()));
    }

    static String summary(String summary) {
        if (summary == null || summary.isBlank() || summary.length() > MAX_SUMMARY) {
            throw new DomainException("summary is the party's position in 1 to 10,000 characters");
        }
        return summary.strip();
    }

    static List<PerspectiveJudgement> judgements(List<JudgementDoc> in) {
        if (in == null || in.isEmpty() || in.size() > MAX_JUDGEMENTS) {
            throw new DomainException("judgements: an assessment states 1 to " + MAX_JUDGEMENTS
                    + " key judgements, each a key and a stance (HIGH, MODERATE or LOW)");
        }
        var out = new java.util.ArrayList<PerspectiveJudgement>();
        var keys = new java.util.HashSet<String>();
        for (int i = 0; i < in.size(); i++) {
            JudgementDoc j = in.get(i);
            String at = "judgements[" + i + "]";
            if (j == null) {
                throw new DomainException(at + " is empty");
            }
            if (!PerspectiveJudgement.isKey(j.key())) {
                throw new DomainException(at + ".key is 1 to 64 lower-case letters, digits and hyphens such as"
                        + " gray-zone-coercion, got " + (j.key() == null ? "nothing" : "'" + shorten(j.key()) + "'"));
            }
            if (!keys.add(j.key())) {
                throw new DomainException(at + ".key " + j.key() + " is given twice; an assessment holds one stance"
                        + " per key");
            }
            if (j.note() != null && j.note().length() > MAX_NOTE) {
                throw new DomainException(at + ".note is at most 2,000 characters");
            }
            out.add(new PerspectiveJudgement(j.key(), stance(at + ".stance", j.stance()),
                    j.note() == null ? "" : j.note().strip()));
        }
        return List.copyOf(out);
    }

    static PerspectiveStance stance(String field, String text) {
        if (text != null) {
            for (PerspectiveStance s : PerspectiveStance.values()) {
                if (s.name().equals(text)) {
                    return s;
                }
            }
        }
        throw new DomainException(field + " is HIGH, MODERATE or LOW (the party's concern), got "
                + (text == null ? "nothing" : "'" + shorten(text) + "'"));
    }

    static LocalDate date(String field, String text) {
        if (text == null) {
            throw new DomainException(field + " is required: the date the assessment speaks for, such as 2025-03-01");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new DomainException(field + " is a date written as 2025-03-01, got '" + shorten(text) + "'");
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
