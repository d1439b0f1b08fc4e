package trisec.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OASIS STIX 2.1 JSON schemas (this project's copies under {@code src/test/resources/stix}, see the README
 * there), loaded by their own {@code $id}s from the class path: no schema is fetched from the network. A bundle is
 * checked against trisec's {@code stix/trisec/bundle.json}, which applies the OASIS bundle's own checks and each
 * object's OASIS schema (the OASIS bundle.json refuses notes and extension-definitions; the README says why).
 */
final class StixSchemas {
    /** The prefix of every schema's {@code $id}, which their relative {@code $ref}s resolve against. */
    static final String BASE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    /** The prefix of this project's own schemas' {@code $id}s. */
    static final String OWN = "urn:trisec:schema:stix:";

    /** The schema of each type trisec emits; every other type is a failure of the test that meets it. */
    static final Map<String, String> BY_TYPE = Map.of(
            "bundle", OWN + "bundle.json",
            "identity", BASE + "sdos/identity.json",
            "report", BASE + "sdos/report.json",
            "note", BASE + "sdos/note.json",
            "marking-definition", BASE + "common/marking-definition.json",
            "extension-definition", BASE + "common/extension-definition.json");

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaIdResolvers(r -> r.mapPrefix(BASE, "classpath:stix/").mapPrefix(OWN, "classpath:stix/trisec/")));
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** What is wrong with the object as its type's schema sees it; empty when it validates. */
    List<String> problems(JsonNode object) {
        String type = object.path("type").asText();
        String id = BY_TYPE.get(type);
        if (id == null) {
            return List.of("trisec does not emit the type '" + type + "', so no schema is chosen for it");
        }
        return problems(id, object);
    }

    /** What is wrong with the instance as the schema with this {@code $id} sees it. */
    List<String> problems(String schemaId, JsonNode instance) {
        Schema schema = schemas.computeIfAbsent(schemaId, p -> registry.getSchema(SchemaLocation.of(p)));
        return schema.validate(instance).stream().map(Error::toString).toList();
    }
}
