package trisec.node.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Makes H2's committed transactions durable. With {@code WRITE_DELAY=0} (set by {@link Store}) each commit is
 * written to the file by the committing thread, but nothing forces the file to the disk: a killed process keeps
 * what it wrote, a machine that loses power may not. So after a commit the store forces the file, under the
 * MVStore's store lock so that no write is half-queued meanwhile. It also runs H2's chunk housekeeping, which
 * without the background writer nobody would. H2 offers no SQL for either: {@code CHECKPOINT SYNC} stores only
 * what is unsaved and can return while a background write is still queued.
 */
final class H2Durability {
    private H2Durability() {}

    /**
     * The force for the database behind {@code ds}. It finds the MVStore through a pooled connection each time,
     * rather than keeping it, so that a database H2 closed and opened again (its last connection closed) is the
     * one forced.
     *
     * @throws trisec.DomainException if the database is not embedded in this process (an H2 server)
     */
    static Runnable of(DataSource ds) {
        mvStore(ds);
        return () -> force(mvStore(ds));
    }

    private static MVStore mvStore(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            var session = c.unwrap(JdbcConnection.class).getSession();
            if (!(session instanceof SessionLocal local)) {
                throw new trisec.DomainException("the H2 database is not embedded in this process");
            }
            return local.getDatabase().getStore().getMvStore();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to make a commit durable: " + e.getMessage(), e);
        }
    }

    /**
     * One bounded round of H2's housekeeping: rewrites chunks less than 90% live (at most 16 MiB of them), so that
     * the space of the rest can be reused. What the background writer would do, which {@code WRITE_DELAY=0} stops.
     */
    static void compact(DataSource ds) {
        MVStore store = mvStore(ds);
        if (store.getFileStore() != null && !store.isClosed()) {
            store.compact(90, 16 << 20);
        }
    }

    /** Returns once every transaction committed before the call is in the file and the file is on the disk. */
    static void force(MVStore store) {
        if (store.getFileStore() == null) {
            return; // in memory: nothing to make durable
        }
        // With WRITE_DELAY=0 (Store refuses any other) the commit has written its version already: only the force
        // is left. Under the store lock, so that a write that has taken its version has also queued its work, which the
        // flush then waits for.
        store.executeFilestoreOperation(store::sync);
    }
}
