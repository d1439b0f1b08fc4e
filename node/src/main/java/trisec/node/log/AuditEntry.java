package trisec.node.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line of the audit log: what happened ({@code type}), when, who did it, and the ids and outcomes it
 * concerns — never the classified content itself (no titles, no bodies). Written as canonical JSON (keys sorted,
 * no whitespace), so the same entry always has the same bytes and the same leaf hash.
 */
public final class AuditEntry {
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** What an entry records. */
    public enum Type {
        LOGIN, LOGIN_FAILED, LOGOUT, ITEM_CREATED, ITEM_IMPORTED, COPY_CONFIRMED, ITEM_READ, ITEM_DENIED, DECISION, RELEASE_APPROVED, DELIVERY,
        RECEIVED, CONSENT_REQUESTED, CONSENT_DECIDED, AGREEMENT_EVENT, RETRACTED, RECLASSIFIED, COMPROMISE,
        ALARM, ENVELOPES_REFUSED, RECEIPT_MISSING, AUTHORITY_PROPOSED, AUTHORITY_APPROVED, AUTHORITY_REVOKED,
        RELEASE_AUTHORIZED, AUTHORITY_SKIPPED, WARNING_ACKNOWLEDGED, WARNING_ACK_RELAYED,
        STATEMENT_PROPOSED, STATEMENT_SIGNED, STATEMENT_ADOPTED,
        CONSULTATION_OPENED, CONSULTATION_ACKNOWLEDGED, CONSULTATION_DRAFTED, CONSULTATION_ACTION, CONSULTATION_CLOSED,
        PERSON_DISABLED, CALENDAR_SUBSCRIBED, CALENDAR_REVOKED, CALENDAR_FETCHED
    }

    private final Map<String, Object> fields = new TreeMap<>();

    private AuditEntry(Type type, Instant time, String actor) {
        fields.put("type", type.name());
        fields.put("time", time.toString());
        fields.put("actor", actor);
    }

    /** An entry; {@code actor} is a person's username, or a party code for what a partner node did. */
    public static AuditEntry of(Type type, Instant time, String actor) {
        return new AuditEntry(type, time, actor);
    }

    /** Bounds that keep every entry far below the 65,535 bytes an entry bundle can carry. */
    static final int MAX_TEXT = 1_000;
    static final int MAX_LIST = 32;

    /** Adds a field; absent values are left out, lists are copied; long texts and lists are cut, saying so. */
    public AuditEntry with(String key, Object value) {
        if (value instanceof java.util.Optional<?> o) {
            value = o.orElse(null);
        }
        if (value instanceof List<?> l) {
            value = l.size() > MAX_LIST ? List.copyOf(l.subList(0, MAX_LIST)) : List.copyOf(l);
            value = ((List<?>) value).stream().map(v -> v instanceof String s ? cut(s) : v).toList();
        }
        if (value instanceof String s) {
            value = cut(s);
        }
        if (value != null) {
            fields.put(key, value instanceof Enum<?> e ? e.name() : value);
        }
        return this;
    }

    private static String cut(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "…(cut)";
    }

    public String json() {
        try {
            return CANONICAL.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return json();
    }
}
