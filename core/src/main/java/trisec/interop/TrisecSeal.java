package trisec.interop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import trisec.DomainException;
import trisec.item.Item;
import trisec.item.Seal;

/**
 * trisec's second STIX extension: the item's id and its originator's seal, as a {@code property-extension} on the
 * item's {@code report} or {@code note}. The seal is the one the originator made over the item's id, label, title
 * and body (its node's ML-DSA-87 signature, statement {@code trisec item v1}); carried in the bundle it lets an
 * importer check that the label and the content are the originator's before it holds the item under a foreign label.
 * This class is the one mapping between a seal and these properties, both ways.
 */
public final class TrisecSeal {
    /** The extension-definition's id: fixed, as the label extension's is. */
    public static final String EXTENSION_ID = StixIds.id("extension-definition", "trisec item seal", "1");
    public static final String EXTENSION_NAME = "trisec item seal";
    public static final String EXTENSION_VERSION = "1.0.0";
    /** The domain separation of the originator's signature over an item (the federation's item statement). */
    public static final String STATEMENT = "trisec item v1";

    static final String TYPE = "extension_type";
    static final String ITEM_ID = "item_id";
    static final String STATEMENT_KEY = "statement";
    static final String ALGORITHM = "algorithm";
    static final String KEY_ID = "key_id";
    static final String SIGNATURE = "signature";

    private static final Set<String> KNOWN = Set.of(TYPE, ITEM_ID, STATEMENT_KEY, ALGORITHM, KEY_ID, SIGNATURE);

    /** The extension's normative text, which its {@code schema} property carries. */
    public static final String SCHEMA = String.join("\n",
            "trisec item seal, version 1: a property-extension of the report or note that carries a trisec item.",
            ITEM_ID + " (string, required): the item's id, a UUID, the same at every node that holds it.",
            STATEMENT_KEY + " (string, required): '" + STATEMENT + "', what the signature is a signature of.",
            ALGORITHM + " (string, required): '" + LabelBinding.SEAL_ALGORITHM + "'.",
            KEY_ID + " (string, required): the id of the originator node's key that signed.",
            SIGNATURE + " (string, required): the originator's signature (base64) over the item's id, its label "
                    + "(originator, level, releasable to, caveats, topic, creation time), its title and its body.");

    private TrisecSeal() {}

    /** The extension's properties for a sealed item, in the order they are written. */
    public static Map<String, Object> properties(Item item) {
        var m = new LinkedHashMap<String, Object>();
        m.put(TYPE, TrisecMarking.EXTENSION_TYPE);
        m.put(ITEM_ID, item.id());
        m.put(STATEMENT_KEY, STATEMENT);
        m.put(ALGORITHM, LabelBinding.SEAL_ALGORITHM);
        m.put(KEY_ID, item.seal().keyId());
        m.put(SIGNATURE, item.seal().signature());
        return m;
    }

    /** The item's id and the originator's seal, as the extension names them. */
    public record Read(String itemId, Seal seal) {}

    /** Reads the properties back; a property it does not know, a missing one, or another statement is refused. */
    public static Read read(Map<String, ?> properties) {
        for (String key : properties.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new DomainException("the trisec seal extension has no property '" + key + "'");
            }
        }
        if (!TrisecMarking.EXTENSION_TYPE.equals(properties.get(TYPE))) {
            throw new DomainException("the trisec seal extension is a " + TrisecMarking.EXTENSION_TYPE + ", not '"
                    + properties.get(TYPE) + "'");
        }
        if (!STATEMENT.equals(text(properties, STATEMENT_KEY))) {
            throw new DomainException("the trisec seal extension's statement is '" + STATEMENT + "', not '"
                    + properties.get(STATEMENT_KEY) + "'");
        }
        if (!LabelBinding.SEAL_ALGORITHM.equals(text(properties, ALGORITHM))) {
            throw new DomainException("the trisec seal extension's algorithm is " + LabelBinding.SEAL_ALGORITHM
                    + ", not '" + properties.get(ALGORITHM) + "'");
        }
        String id = text(properties, ITEM_ID);
        try {
            if (!UUID.fromString(id).toString().equals(id)) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new DomainException("the item id '" + id + "' in the trisec seal extension is not a UUID");
        }
        String keyId = text(properties, KEY_ID);
        String signature = text(properties, SIGNATURE);
        if (keyId.isEmpty() || signature.isEmpty()) {
            throw new DomainException("the trisec seal extension has an empty key id or signature");
        }
        return new Read(id, new Seal(keyId, signature));
    }

    private static String text(Map<String, ?> properties, String key) {
        Object v = properties.get(key);
        if (v == null) {
            throw new DomainException("the trisec seal extension lacks '" + key + "'");
        }
        if (!(v instanceof String s)) {
            throw new DomainException("'" + key + "' in the trisec seal extension is text");
        }
        return s;
    }
}
