package trisec.node.interop;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.node.store.Store;

/** The stix_imports table: which STIX object became which item here. */
final class StixImports {
    private StixImports() {}

    /**
     * Records which item the STIX object became, unless it is on record already (or being recorded by a transaction
     * not yet ended, which this one then waits for); whether it did.
     */
    static boolean insertIfAbsent(Handle h, String stixId, String itemId, String bundleId, String importedBy,
                                  Instant at) {
        return h.createUpdate("""
                INSERT INTO stix_imports (stix_id, item_id, bundle_id, imported_by, imported_at)
                VALUES (:stix, :item, :bundle, :by, :at) ON CONFLICT (stix_id) DO NOTHING""")
                .bind("stix", stixId).bind("item", itemId).bind("bundle", bundleId).bind("by", importedBy)
                .bind("at", Store.utc(at)).execute() == 1;
    }

    /** The item a STIX object became, if it was imported here before. */
    static Optional<String> itemOf(Handle h, String stixId) {
        return h.createQuery("SELECT item_id FROM stix_imports WHERE stix_id = :stix").bind("stix", stixId)
                .mapTo(String.class).findOne();
    }
}
