package trisec.node.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Makes H2's committed transactions durable. H2 (MVStore) commits in memory; a background thread writes the
 * changes to the file every half second, handing the writing to executors of its own, and nothing forces the file
 * to the disk. H2 offers no SQL that waits for all of that: {@code CHECKPOINT SYNC} stores only what is unsaved and
 * returns while an earlier background write may still be under way. So the store talks to the MVStore itself:
 * have a version newer than the one current at the start stored (it holds every transaction committed before),
 * wait for every write queued before the force, and force the file. The background writer keeps doing its
 * housekeeping (compaction), which writing each commit synchronously would give up.
 */
final class H2Durability {
    private H2Durability() {}

    static Runnable of(DataSource ds) {
        MVStore store;
        try (Connection c = ds.getConnection()) {
            var session = c.unwrap(JdbcConnection.class).getSession();
            if (!(session instanceof SessionLocal local)) {
                throw new trisec.DomainException("the H2 database is not embedded in this process");
            }
            store = local.getDatabase().getStore().getMvStore();
        } catch (SQLException e) {
            throw new trisec.DomainException("cannot open the database: " + e.getMessage());
        }
        if (store.getFileStore() == null) {
            return () -> {}; // in memory: nothing to make durable
        }
        return () -> force(store);
    }

    /** Returns once every transaction committed before the call is in the file and the file is on the disk. */
    static void force(MVStore store) {
        long current = store.getCurrentVersion();
        // A version stored after `current` holds everything committed before this call; commit() stores one
        // unless a background write began meanwhile, which then holds it instead.
        while (store.getCurrentVersion() <= current && store.hasUnsavedChanges()) {
            store.commit();
        }
        store.getFileStore().executeFileStoreOperation(store::sync);
    }
}
