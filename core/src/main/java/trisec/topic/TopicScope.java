package trisec.topic;

import java.util.List;

/**
 * A set of topic subtrees: an agreement's scope or a person's need-to-know. {@link #everything()} covers
 * every topic; {@link #of} covers the listed topics and what lies below them, so an empty list covers none.
 */
public record TopicScope(boolean unrestricted, List<Topic> topics) {

    private static final TopicScope EVERYTHING = new TopicScope(true, List.of());

    public TopicScope {
        topics = List.copyOf(topics);
        if (unrestricted && !topics.isEmpty()) {
            throw new IllegalArgumentException("an unrestricted scope lists no topics");
        }
    }

    public static TopicScope everything() {
        return EVERYTHING;
    }

    public static TopicScope of(List<Topic> topics) {
        return new TopicScope(false, topics);
    }

    public static TopicScope of(String... topics) {
        return of(java.util.Arrays.stream(topics).map(Topic::of).toList());
    }

    public boolean covers(Topic topic) {
        if (unrestricted) {
            return true;
        }
        for (Topic t : topics) {
            if (t.covers(topic)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return unrestricted ? "all topics" : topics.isEmpty() ? "no topics" : String.join(", ",
                topics.stream().map(Topic::path).toList());
    }
}
