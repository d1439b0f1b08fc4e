package trisec.agreement;

import java.util.Map;
import trisec.party.Level;
import trisec.party.Party;
import trisec.topic.Topic;
import trisec.topic.TopicScope;

/**
 * What an agreement covers: topics, and optionally the highest level per party. Without {@code highest}
 * an agreement covers every level (for an SIA its equivalence table still limits it); with it, a level of
 * a party the map does not name is not covered.
 */
public record Scope(TopicScope topics, Map<Party, Level> highest) {

    public Scope {
        highest = Map.copyOf(highest);
        highest.forEach((party, level) -> {
            if (!level.party().equals(party)) {
                throw new IllegalArgumentException("highest level for " + party + " is a level of " + level.party());
            }
        });
    }

    public static Scope everything() {
        return new Scope(TopicScope.everything(), Map.of());
    }

    public boolean covers(Topic topic) {
        return topics.covers(topic);
    }

    public boolean covers(Level level) {
        if (highest.isEmpty()) {
            return true;
        }
        Level top = highest.get(level.party());
        return top != null && level.rank() <= top.rank();
    }
}
