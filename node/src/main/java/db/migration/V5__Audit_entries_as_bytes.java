package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Audit entries are stored as their UTF-8 bytes, which are what the log hashes and serves: the store no longer
 * encodes each entry as text on every write, which was a third of the integrator's time on the embedded store.
 * The two databases spell the conversion differently, hence a Java migration.
 */
public class V5__Audit_entries_as_bytes extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        boolean postgres = context.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL");
        try (Statement s = context.getConnection().createStatement()) {
            for (String table : new String[] {"audit_pending", "audit_entries"}) {
                s.execute(postgres
                        ? "ALTER TABLE " + table + " ALTER COLUMN entry TYPE BYTEA USING convert_to(entry, 'UTF8')"
                        : "ALTER TABLE " + table + " ALTER COLUMN entry SET DATA TYPE BYTEA");
            }
        }
    }
}
