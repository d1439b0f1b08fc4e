package trisec.node.base;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import trisec.node.base.Refusal;

/**
 * JSON at the node's edges (API bodies, envelopes on the wire, federation payloads). Strict: unknown fields and
 * missing primitives are errors, a number or a boolean is not a string (nor a string a number), and text must be
 * Unicode (an escaped surrogate without its pair is refused, where it would otherwise reach the store as {@code ?}
 * or fail there), so a wrong request is refused instead of silently changed. Errors name the field, never a Java
 * type.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    static {
        // Bodies are up to 1 MiB; an envelope carries one in base64, so strings may be a few MiB.
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(8 << 20).maxNestingDepth(32).build());
        // No scalar turns into a string by itself ("title": 123 is an error, not "123").
        MAPPER.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
    }

    private Json() {}

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Reads a request body or payload; malformed input is a 400 naming the problem, never a stack trace. */
    public static <T> T read(String text, Class<T> type) {
        refuseUnpairedSurrogates(text);
        try {
            T value = MAPPER.readValue(text, type);
            if (value == null) {
                throw Refusal.invalid("the body is empty; a JSON object is expected");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw Refusal.invalid(describe(e));
        }
    }

    /**
     * Refuses a text that escapes half of a surrogate pair ({@code \ud800}): a JSON parser would read it as a character
     * that UTF-8 cannot store, and the store would keep another text than the one given.
     */
    public static void refuseUnpairedSurrogates(String text) {
        unpairedSurrogate(text).ifPresent(at -> {
            throw Refusal.invalid("invalid JSON: the text at character " + at
                    + " escapes half of a UTF-16 surrogate pair, which is not a Unicode character");
        });
    }

    /** What was wrong, in the request's own terms: the field's path and what it should have been. */
    static String describe(JsonProcessingException e) {
        String where = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                ? "'" + path(m.getPath()) + "'" : null;
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "invalid JSON: unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m) {
            String expected = expected(m.getTargetType());
            if (where == null) {
                return "invalid JSON: " + (expected == null ? "the body has the wrong shape" : "expected " + expected);
            }
            return "invalid JSON: " + where + (expected == null ? " has the wrong type" : " must be " + expected);
        }
        if (e instanceof com.fasterxml.jackson.core.JsonParseException
                || e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
            var loc = e.getLocation();
            return "malformed JSON" + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr());
        }
        return "invalid JSON" + (where == null ? "" : ": " + where + " is not valid");
    }

    private static String path(java.util.List<com.fasterxml.jackson.databind.JsonMappingException.Reference> refs) {
        var sb = new StringBuilder();
        for (var r : refs) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "text of the right form";
    }

    /**
     * Where the JSON text escapes a UTF-16 surrogate without its other half ({@code "\ud800x"}), if it does. A raw
     * lone surrogate cannot come from a body, which is decoded from UTF-8 strictly.
     */
    static java.util.Optional<Integer> unpairedSurrogate(String text) {
        int i = text.indexOf('\\');
        while (i >= 0 && i + 1 < text.length()) {
            char c = text.charAt(i + 1);
            if (c == 'u' && i + 6 <= text.length()) {
                int unit = hex(text, i + 2);
                if (Character.isHighSurrogate((char) unit)) {
                    boolean paired = i + 12 <= text.length() && text.charAt(i + 6) == '\\' && text.charAt(i + 7) == 'u'
                            && Character.isLowSurrogate((char) hex(text, i + 8));
                    if (!paired) {
                        return java.util.Optional.of(i);
                    }
                    i = text.indexOf('\\', i + 12);
                    continue;
                }
                if (Character.isLowSurrogate((char) unit)) {
                    return java.util.Optional.of(i);
                }
                i = text.indexOf('\\', i + 6);
            } else {
                i = text.indexOf('\\', i + 2); // a two-character escape, \\ among them
            }
        }
        return java.util.Optional.empty();
    }

    private static int hex(String text, int at) {
        int v = 0;
        for (int k = at; k < at + 4 && k < text.length(); k++) {
            int d = Character.digit(text.charAt(k), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
