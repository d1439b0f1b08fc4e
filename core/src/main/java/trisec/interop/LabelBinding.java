package trisec.interop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import trisec.DomainException;
import trisec.item.Item;
import trisec.item.Seal;
import trisec.label.ConfidentialityLabel;
import trisec.label.Stanag4774;
import trisec.party.ClassificationScheme;
import trisec.party.Party;

/**
 * An item's label bound to its payload (the STANAG 4778 idea, the binding data object of ADatP-4778): the metadata
 * (the label as a STANAG 4774 originator confidentiality label in XML), a reference to the data object it labels
 * with the data's digest, and the originator's seal. The seal is the item's own ({@link Seal}): the originator's
 * signature over the item's id, label, title and body together, made when the item was created or reclassified; a
 * binding adds no signature of its own. Without a seal the binding is unsigned: it says what the label is and which
 * data it is for, and vouches for nothing.
 *
 * @param itemId   the item's id, which the data reference names ({@code urn:uuid:…})
 * @param labelXml the label, STANAG 4774 XML
 * @param digest   SHA-384 of the body's UTF-8 bytes, base64
 * @param seal     the originator's seal, when the binding carries one
 */
public record LabelBinding(String itemId, String labelXml, String title, String body, String digest,
                           Optional<Seal> seal) {
    /** The binding data object's media type, as registered with IANA for ADatP-4778's JSON binding. */
    public static final String MEDIA_TYPE = "application/vnd.nato.bindingdataobject+json";
    public static final String DIGEST_ALGORITHM = "SHA-384";
    /** The seal's algorithm: the originator node's ML-DSA-87 key. */
    public static final String SEAL_ALGORITHM = "ML-DSA-87";
    /** The data reference's scheme: an item's id is a UUID. */
    public static final String URN_UUID = "urn:uuid:";

    public LabelBinding {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(labelXml, "labelXml");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(seal, "seal");
    }

    /** The binding of an item as its originator sealed it. */
    public static LabelBinding of(Item item) {
        return new LabelBinding(item.id(), Stanag4774.toXml(item.label(), item.createdAt()), item.title(), item.body(),
                digest(item.body()), Optional.of(item.seal()).filter(s -> !s.signature().isEmpty()));
    }

    /** An unsigned binding of a label to a payload: what someone without the originator's key can write. */
    public static LabelBinding unsigned(String itemId, ConfidentialityLabel label, String title, String body) {
        Instant created = label.created()
                .orElseThrow(() -> new DomainException("a bound label says when the item was created"));
        return new LabelBinding(itemId, Stanag4774.toXml(label, created), title, body, digest(body), Optional.empty());
    }

    /** The data reference: the item's id as a URN. */
    public String dataReference() {
        return URN_UUID + itemId;
    }

    /**
     * The item this binding describes, after checking what can be checked without keys: the label reads and says
     * when the item was created, and the digest is the body's. The seal, when there is one, is checked by whoever
     * holds the originator's public key, over this item.
     *
     * @throws DomainException naming what does not hold
     */
    public Item item(Function<Party, Optional<ClassificationScheme>> schemes) {
        ConfidentialityLabel label = Stanag4774.parse(labelXml, schemes);
        if (label.created().isEmpty()) {
            throw new DomainException("the bound label has no CreationDateTime");
        }
        if (!MessageDigest.isEqual(digest.getBytes(StandardCharsets.US_ASCII),
                digest(body).getBytes(StandardCharsets.US_ASCII))) {
            throw new DomainException("the data object's digest does not match its body: the body is not the one "
                    + "the label was bound to");
        }
        return new Item(itemId, label, title, body, seal.orElse(new Seal("", "")));
    }

    /** SHA-384 of the text's UTF-8 bytes, base64. */
    public static String digest(String body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance(DIGEST_ALGORITHM)
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + DIGEST_ALGORITHM, e);
        }
    }
}
