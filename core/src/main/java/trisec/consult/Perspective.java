package trisec.consult;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import trisec.party.Party;
import trisec.topic.Topic;

/**
 * One party's assessment of a topic on a date: its position in a few sentences and its key judgements, at most one
 * per key. {@code ref} names the record it came from (a node's item id), so that two assessments of the same party
 * and date still order the same way everywhere.
 */
public record Perspective(String ref, Party party, Topic topic, LocalDate asOf, String summary,
                          List<PerspectiveJudgement> judgements) {
    public Perspective {
        judgements = List.copyOf(judgements);
        var keys = new HashSet<String>();
        for (PerspectiveJudgement j : judgements) {
            if (!keys.add(j.key())) {
                throw new IllegalArgumentException("judgement " + j.key() + " is given twice; an assessment holds one"
                        + " stance per key");
            }
        }
    }

    public Optional<PerspectiveJudgement> judgement(String key) {
        return judgements.stream().filter(j -> j.key().equals(key)).findFirst();
    }
}
