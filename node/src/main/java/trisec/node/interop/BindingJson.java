package trisec.node.interop;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import trisec.DomainException;
import trisec.envelope.PublicIdentity;
import trisec.interop.LabelBinding;
import trisec.item.Item;
import trisec.item.Seal;
import trisec.label.Stanag4774;
import trisec.node.base.Json;
import trisec.node.base.Refusal;
import trisec.node.federation.MessageSignatures;
import trisec.node.item.Labels;

/**
 * The NATO JSON binding of a label to its payload ({@code application/vnd.nato.bindingdataobject+json}, ADatP-4778)
 * as trisec writes and reads it. The published facts of that format are thin (a JSON binding data object that binds
 * metadata to data objects it references, with an optional signature element), so trisec's document follows the
 * binding model of STANAG 4778 and says plainly what each part is:
 *
 * <pre>{@code
 * {"bindingInformation": {
 *    "profile": "urn:trisec:binding:item:1",
 *    "metadataBindings": [{
 *      "metadata": [{"mediaType": "application/xml", "schema": "urn:nato:stanag:4774:…", "value": "<?xml …"}],
 *      "dataReferences": [{"uri": "urn:uuid:ITEM", "digestAlgorithm": "SHA-384", "digest": "…"}]}],
 *    "originatorSeal": {"statement": "trisec item v1", "algorithm": "ML-DSA-87", "keyId": "…", "signature": "…"}},
 *  "dataObject": {"id": "ITEM", "title": "…", "body": "…"}}
 * }</pre>
 *
 * The seal is the item's own: the originator's signature over the item's id, label, title and body (the statement
 * {@code trisec item v1}); it is absent from an unsigned binding. It is not a JWS.
 */
public final class BindingJson {
    public static final String PROFILE = "urn:trisec:binding:item:1";
    static final String XML = "application/xml";
    /** The statement the seal signs: the originator's signature over an item and its label. */
    static final String STATEMENT = MessageSignatures.ITEM;

    private BindingJson() {}

    /** The binding's document, in the order written above. */
    public static byte[] write(LabelBinding b) {
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("mediaType", XML);
        metadata.put("schema", Stanag4774.NAMESPACE);
        metadata.put("value", b.labelXml());
        var reference = new LinkedHashMap<String, Object>();
        reference.put("uri", b.dataReference());
        reference.put("digestAlgorithm", LabelBinding.DIGEST_ALGORITHM);
        reference.put("digest", b.digest());
        var info = new LinkedHashMap<String, Object>();
        info.put("profile", PROFILE);
        var binding = new LinkedHashMap<String, Object>();
        binding.put("metadata", List.of(metadata));
        binding.put("dataReferences", List.of(reference));
        info.put("metadataBindings", List.of(binding));
        b.seal().ifPresent(s -> {
            var seal = new LinkedHashMap<String, Object>();
            seal.put("statement", STATEMENT);
            seal.put("algorithm", LabelBinding.SEAL_ALGORITHM);
            seal.put("keyId", s.keyId());
            seal.put("signature", s.signature());
            info.put("originatorSeal", seal);
        });
        var data = new LinkedHashMap<String, Object>();
        data.put("id", b.itemId());
        data.put("title", b.title());
        data.put("body", b.body());
        var doc = new LinkedHashMap<String, Object>();
        doc.put("bindingInformation", info);
        doc.put("dataObject", data);
        return Json.write(doc).getBytes(StandardCharsets.UTF_8);
    }

    record Doc(Info bindingInformation, DataObject dataObject) {}

    record Info(String profile, List<MetadataBinding> metadataBindings, OriginatorSeal originatorSeal) {}

    record MetadataBinding(List<Metadata> metadata, List<DataReference> dataReferences) {}

    record Metadata(String mediaType, String schema, String value) {}

    record DataReference(String uri, String digestAlgorithm, String digest) {}

    record OriginatorSeal(String statement, String algorithm, String keyId, String signature) {}

    record DataObject(String id, String title, String body) {}

    /**
     * Reads a binding this format describes: strictly, one label bound to one data object, the data reference naming
     * that object. What the label says and whether the digest holds is {@link LabelBinding#item}'s to check.
     *
     * @throws DomainException naming what is missing or wrong
     */
    public static LabelBinding read(String text) {
        Doc d;
        try {
            d = Json.read(text, Doc.class);
        } catch (Refusal r) {
            throw new DomainException("not a binding data object: " + r.getMessage());
        }
        Info info = required("bindingInformation", d.bindingInformation());
        if (!PROFILE.equals(info.profile())) {
            throw new DomainException("bindingInformation.profile is '" + info.profile() + "'; trisec reads "
                    + PROFILE);
        }
        MetadataBinding binding = one("bindingInformation.metadataBindings", info.metadataBindings());
        Metadata metadata = one("metadataBindings[0].metadata", binding.metadata());
        if (!XML.equals(metadata.mediaType()) || !Stanag4774.NAMESPACE.equals(metadata.schema())) {
            throw new DomainException("the metadata is a STANAG 4774 label in XML (mediaType " + XML + ", schema "
                    + Stanag4774.NAMESPACE + ")");
        }
        DataReference reference = one("metadataBindings[0].dataReferences", binding.dataReferences());
        if (!LabelBinding.DIGEST_ALGORITHM.equals(reference.digestAlgorithm())) {
            throw new DomainException("the data reference's digest is " + LabelBinding.DIGEST_ALGORITHM + ", not '"
                    + reference.digestAlgorithm() + "'");
        }
        DataObject data = required("dataObject", d.dataObject());
        String id = required("dataObject.id", data.id());
        if (!(LabelBinding.URN_UUID + id).equals(reference.uri())) {
            throw new DomainException("the data reference '" + reference.uri() + "' does not name the data object "
                    + id);
        }
        Optional<Seal> seal = Optional.ofNullable(info.originatorSeal()).map(s -> {
            if (!STATEMENT.equals(s.statement()) || !LabelBinding.SEAL_ALGORITHM.equals(s.algorithm())) {
                throw new DomainException("the originator's seal is the " + LabelBinding.SEAL_ALGORITHM
                        + " signature of the statement '" + STATEMENT + "'");
            }
            return new Seal(required("originatorSeal.keyId", s.keyId()),
                    required("originatorSeal.signature", s.signature()));
        });
        return new LabelBinding(id, required("metadata.value", metadata.value()),
                required("dataObject.title", data.title()), required("dataObject.body", data.body()),
                required("dataReferences.digest", reference.digest()), seal);
    }

    /** Whether the item's seal is the originator's signature over it, under the given key. */
    public static boolean sealHolds(Item item, PublicIdentity originator) {
        return originator.party().equals(item.originator())
                && MessageSignatures.verifyItem(originator, Labels.data(item));
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new DomainException("the binding lacks " + field);
        }
        return value;
    }

    private static <T> T one(String field, List<T> values) {
        if (values == null || values.size() != 1 || values.getFirst() == null) {
            throw new DomainException(field + " holds exactly one entry in trisec's binding");
        }
        return values.getFirst();
    }
}
