package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Audit entries are stored as their UTF-8 bytes, which are what the log hashes and serves: the store no longer
 * encodes each entry as text on every write. (A Java migration because it once ran on H2 as well, which spelt the
 * conversion differently; the embedded store's own scripts are in {@code db/sqlite}.)
 */
public class V5__Audit_entries_as_bytes extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        try (Statement s = context.getConnection().createStatement()) {
            for (String table : new String[] {"audit_pending", "audit_entries"}) {
                s.execute("ALTER TABLE " + table + " ALTER COLUMN entry TYPE BYTEA USING convert_to(entry, 'UTF8')");
            }
        }
    }
}
