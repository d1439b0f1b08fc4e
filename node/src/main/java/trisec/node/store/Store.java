package trisec.node.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The node's database: H2 in a file under the data directory by default, PostgreSQL when given a JDBC URL.
 * One schema, migrated by Flyway on both. Every change a request makes happens in one transaction, so a failed
 * request changes nothing.
 *
 * <p>A transaction that has committed is durable when {@link #inTransaction} returns (DESIGN §5.6: a node signs
 * nothing about state a crash could still take back). PostgreSQL does that itself with {@code fsync} and
 * {@code synchronous_commit} on, which the store checks and sets. H2 does not: by default a commit lives in memory
 * until its background writer stores it, up to half a second later, and a killed process loses it. So H2 runs with
 * {@code WRITE_DELAY=0} (each commit written by the committing thread), the store forces the file to the disk
 * after each commit, one force for all the commits waiting for one ({@link Durability}, {@link H2Durability}), and
 * it runs H2's housekeeping itself, which that setting turns off.
 */
public final class Store implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean postgres;
    private final Durability durability;

    private Store(HikariDataSource dataSource, boolean postgres, Durability durability) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.jdbi = Jdbi.create(dataSource);
        this.durability = durability;
    }

    /** The embedded store: an H2 file {@code trisec.mv.db} in {@code dataDir}. */
    public static Store embedded(Path dataDir) {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("trisec")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        return open(url);
    }

    /** Opens and migrates the store at a JDBC URL ({@code jdbc:h2:…} or {@code jdbc:postgresql:…}). */
    public static Store open(String jdbcUrl) {
        boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        if (!postgres && !jdbcUrl.startsWith("jdbc:h2:")) {
            throw new trisec.DomainException("unsupported database URL (use jdbc:postgresql://… or jdbc:h2:…)");
        }
        var config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("trisec");
        config.setMaximumPoolSize(postgres ? 10 : 4);
        config.setAutoCommit(true);
        config.setInitializationFailTimeout(5_000);
        if (postgres) {
            // The server's default, set anyway: a session may not commit before its WAL is on disk.
            config.setConnectionInitSql("SET synchronous_commit TO on");
        } else if (jdbcUrl.startsWith("jdbc:h2:tcp:") || jdbcUrl.startsWith("jdbc:h2:ssl:")) {
            throw new trisec.DomainException("an H2 server cannot be made to sync each commit from here: use the"
                    + " embedded store (no --db) or PostgreSQL");
        } else if (!jdbcUrl.startsWith("jdbc:h2:mem:")) {
            config.setJdbcUrl(writingEachCommit(jdbcUrl));
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new trisec.DomainException("cannot open the database: " + rootMessage(e));
        }
        if (postgres) {
            try {
                requireDurablePostgres(ds);
            } catch (RuntimeException e) {
                ds.close();
                throw e;
            }
        }
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new trisec.DomainException("cannot migrate the database: " + rootMessage(e));
        }
        try {
            Store store = new Store(ds, postgres, postgres ? Durability.BY_COMMIT : new Durability(H2Durability.of(ds)));
            store.startHousekeeping();
            return store;
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    /**
     * An H2 URL with {@code WRITE_DELAY=0}: each commit is written by the committing thread, in order, rather than
     * by H2's background writer through executors of its own — the crash test found an H2 file that no longer
     * opened (a page beyond the end of the file) after a SIGKILL with the background writer on. Any other write
     * delay in the URL is refused.
     */
    static String writingEachCommit(String h2Url) {
        var m = java.util.regex.Pattern.compile("(?i);WRITE_DELAY=([^;]*)").matcher(h2Url);
        if (!m.find()) {
            return h2Url + ";WRITE_DELAY=0";
        }
        if (!m.group(1).trim().equals("0")) {
            throw new trisec.DomainException("WRITE_DELAY=" + m.group(1) + " in the database URL: H2 would keep"
                    + " commits in memory that long; leave it out");
        }
        return h2Url;
    }

    /** A PostgreSQL server that acknowledges commits it has not written to disk cannot back a signature. */
    private static void requireDurablePostgres(HikariDataSource ds) {
        String fsync = Jdbi.create(ds).withHandle(h -> h.createQuery("SHOW fsync").mapTo(String.class).one());
        if (!"on".equalsIgnoreCase(fsync)) {
            throw new trisec.DomainException("the PostgreSQL server runs with fsync = " + fsync
                    + ": a commit would not survive a crash of the machine, and this node signs receipts for what it"
                    + " commits; turn fsync on");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** Runs the work in one transaction; once this returns, what it committed survives a crash. */
    public <R, X extends Exception> R inTransaction(HandleCallback<R, X> work) throws X {
        R result = jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work);
        durability.await();
        return result;
    }

    /** Runs the work in one transaction; once this returns, what it committed survives a crash. */
    public <X extends Exception> void useTransaction(HandleConsumer<X> work) throws X {
        jdbi.useTransaction(TransactionIsolationLevel.READ_COMMITTED, work);
        durability.await();
    }

    public <R, X extends Exception> R read(HandleCallback<R, X> work) throws X {
        return jdbi.withHandle(work);
    }

    /**
     * H2's own housekeeping (rewriting chunks that are mostly garbage) runs in its background writer, which
     * {@code WRITE_DELAY=0} turns off; without it the file grows by every commit. So the store runs it itself,
     * a bounded amount every few seconds.
     */
    private final java.util.concurrent.ScheduledExecutorService housekeeping =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                    .name("store-housekeeping").factory());

    private void startHousekeeping() {
        if (!postgres) {
            housekeeping.scheduleWithFixedDelay(() -> {
                try {
                    H2Durability.compact(dataSource);
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(Store.class).warn("store housekeeping failed: {}", e.toString());
                }
            }, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        try {
            housekeeping.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dataSource.close();
    }

    // Instants go in and out as UTC offsets, whatever the JVM's time zone.
    static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
