package trisec.node.item;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An item as this node stores it: the originator's label and content, this node's own marking
 * ({@code heldLevel}), the originator's signature over the item, and where the copy came from.
 */
public record ItemRow(String id, String originator, String level, List<String> relTo, List<String> caveats,
                      String topic, Instant createdAt, String title, String body, String heldLevel, String originKey,
                      String originSignature, Optional<String> receivedFrom, Optional<Instant> receivedAt,
                      String state, Optional<String> createdBy) {

    public static final String ACTIVE = "ACTIVE";
    public static final String RETRACTED = "RETRACTED";

    public ItemRow {
        relTo = List.copyOf(relTo);
        caveats = List.copyOf(caveats);
    }

    public boolean retracted() {
        return RETRACTED.equals(state);
    }
}
