package trisec.node.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import trisec.DomainException;

/**
 * The node's database: SQLite in a file under the data directory by default, PostgreSQL when given a JDBC URL.
 * Each is migrated by Flyway from its own scripts ({@code db/sqlite}, {@code db/migration}) to the same tables.
 * Every change a request makes happens in one transaction, so a failed request changes nothing.
 *
 * <p>A transaction that has committed is durable when {@link #inTransaction} returns (DESIGN §5.6: a node signs
 * nothing about state a crash could still take back), and no other session sees it before. PostgreSQL does that
 * with {@code fsync} and {@code synchronous_commit} on, which the store checks and sets. SQLite does it in WAL mode
 * with {@code synchronous=FULL}: a commit syncs the write-ahead log before it returns and before readers see it.
 * The crash test (docs/RELIABILITY.md) decided the embedded engine: H2 2.5 lost committed, forced transactions
 * under SIGKILL in every configuration tried.
 *
 * <p>SQL that the two spell differently is written with JDBI's defined attributes: {@code <forUpdate>},
 * {@code <forShare>} and {@code <skipLocked>} are row locks on PostgreSQL and nothing on SQLite, where a write transaction holds the
 * whole database ({@code BEGIN IMMEDIATE}) and so already excludes every other writer.
 */
public final class Store implements AutoCloseable {
    /** The embedded store's file in the data directory. */
    public static final String EMBEDDED_FILE = "trisec.db";
    private static final String LOCK_FILE = "trisec.lock";
    private static final String H2_FILE = "trisec.mv.db";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean postgres;
    private final Optional<FileLock> lock;
    /**
     * The embedded store's one writer at a time, taken in Java before the transaction begins. SQLite would make
     * a second writer wait inside the driver's native code, which holds its carrier thread: two virtual threads
     * waiting there take both carriers of a two-core machine, and the writer they wait for, unmounted, cannot run
     * again until they give up a minute later. Waiting here unmounts them instead.
     */
    private final Optional<java.util.concurrent.locks.ReentrantLock> writer;

    private Store(HikariDataSource dataSource, boolean postgres, Optional<FileLock> lock) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.lock = lock;
        this.writer = postgres ? Optional.empty() : Optional.of(new java.util.concurrent.locks.ReentrantLock(true));
        this.jdbi = Jdbi.create(dataSource);
        jdbi.define("forUpdate", postgres ? "FOR UPDATE" : "");
        jdbi.define("skipLocked", postgres ? "SKIP LOCKED" : "");
        jdbi.define("forShare", postgres ? "FOR SHARE" : "");
        if (!postgres) {
            jdbi.registerArgument(new InstantText());
            jdbi.registerArgument(new OffsetText());
        }
    }

    /**
     * The embedded store: a SQLite file {@code trisec.db} in {@code dataDir}, which one process at a time may open
     * (a lock on {@code trisec.lock}, released by the system when the process dies, however it dies).
     */
    public static Store embedded(Path dataDir) {
        Path dir = dataDir.toAbsolutePath();
        if (Files.exists(dir.resolve(H2_FILE)) && !Files.exists(dir.resolve(EMBEDDED_FILE))) {
            throw new DomainException(dir + " holds an H2 store (" + H2_FILE + ") of an earlier trisec, which kept it"
                    + " in a format that loses committed work when the process is killed; this version uses SQLite ("
                    + EMBEDDED_FILE + ") and does not read it: start the node on a new data directory");
        }
        FileLock lock = lock(dir);
        // Writers take a connection only once they hold the writer lock; the others serve readers.
        var config = pool("jdbc:sqlite:" + dir.resolve(EMBEDDED_FILE), 10);
        // Each setting is applied by the driver to every connection it opens.
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "FULL");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("busy_timeout", "60000");
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        try {
            return open(config, false, Optional.of(lock), "classpath:db/sqlite");
        } catch (RuntimeException e) {
            release(lock);
            throw e;
        }
    }

    /** Opens and migrates a PostgreSQL store ({@code jdbc:postgresql://…}). */
    public static Store open(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            throw new DomainException("H2 is no longer a store trisec runs on: it lost committed work when killed"
                    + " (docs/RELIABILITY.md); use PostgreSQL, or no --db for the embedded store");
        }
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new DomainException("unsupported database URL (use jdbc:postgresql://…, or no --db for the embedded"
                    + " store)");
        }
        var config = pool(jdbcUrl, 10);
        // The server's default, set anyway: a session may not commit before its WAL is on disk.
        config.setConnectionInitSql("SET synchronous_commit TO on");
        return open(config, true, Optional.empty(), "classpath:db/migration");
    }

    private static HikariConfig pool(String url, int size) {
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("trisec");
        config.setMaximumPoolSize(size);
        config.setAutoCommit(true);
        config.setInitializationFailTimeout(5_000);
        return config;
    }

    private static Store open(HikariConfig config, boolean postgres, Optional<FileLock> lock, String migrations) {
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DomainException("cannot open the database: " + rootMessage(e));
        }
        try {
            if (postgres) {
                requireDurablePostgres(ds);
            } else {
                requireDurableSqlite(ds);
            }
            try {
                Flyway.configure().dataSource(ds).locations(migrations).load().migrate();
            } catch (RuntimeException e) {
                throw new DomainException("cannot migrate the database: " + rootMessage(e));
            }
            return new Store(ds, postgres, lock);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    private static FileLock lock(Path dir) {
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DomainException("the store in " + dir + " is in use by another trisec process (or by this"
                        + " one); a node's data directory is for one process at a time");
            }
            return lock;
        } catch (IOException e) {
            throw new DomainException("cannot open the store in " + dir + ": " + e.getMessage());
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.channel().close();
        } catch (IOException e) {
            // closing the channel releases the lock; nothing more to do
        }
    }

    /** A PostgreSQL server that acknowledges commits it has not written to disk cannot back a signature. */
    private static void requireDurablePostgres(HikariDataSource ds) {
        String fsync = Jdbi.create(ds).withHandle(h -> h.createQuery("SHOW fsync").mapTo(String.class).one());
        if (!"on".equalsIgnoreCase(fsync)) {
            throw new DomainException("the PostgreSQL server runs with fsync = " + fsync
                    + ": a commit would not survive a crash of the machine, and this node signs receipts for what it"
                    + " commits; turn fsync on");
        }
    }

    /** The driver applies the settings silently or not at all: what the file runs with is read back. */
    private static void requireDurableSqlite(HikariDataSource ds) {
        var jdbi = Jdbi.create(ds);
        String mode = jdbi.withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
        int sync = jdbi.withHandle(h -> h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one());
        if (!"wal".equalsIgnoreCase(mode) || sync < 2) {
            throw new DomainException("the embedded store runs with journal_mode=" + mode + ", synchronous=" + sync
                    + " rather than WAL and FULL (2): a commit could be lost after the node signed for it");
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
        writer.ifPresent(java.util.concurrent.locks.ReentrantLock::lock);
        try {
            return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work);
        } finally {
            writer.ifPresent(java.util.concurrent.locks.ReentrantLock::unlock);
        }
    }

    /** Runs the work in one transaction; once this returns, what it committed survives a crash. */
    public <X extends Exception> void useTransaction(HandleConsumer<X> work) throws X {
        inTransaction(h -> {
            work.useHandle(h);
            return null;
        });
    }

    public <R, X extends Exception> R read(HandleCallback<R, X> work) throws X {
        return jdbi.withHandle(work);
    }

    /** Whether a statement failed on a unique key or primary key that another transaction had taken. */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState())
                    || (t instanceof org.sqlite.SQLiteException s && (s.getResultCode()
                            == org.sqlite.SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE || s.getResultCode()
                            == org.sqlite.SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY)))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        dataSource.close();
        lock.ifPresent(Store::release);
    }

    /** Instants go in and out as UTC offsets, whatever the JVM's time zone (every table's queries use this). */
    public static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    /**
     * An instant read from a column: PostgreSQL's {@code TIMESTAMP WITH TIME ZONE}, or SQLite's text in the one
     * fixed-width form {@link #TEXT_FORM}.
     */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Object v = rs.getObject(column);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return Instant.parse(s);
        }
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /**
     * On SQLite, instants are stored as UTC text with nine fraction digits, so that the text sorts and compares as
     * the instants do ({@code next_attempt_at <= :now}).
     */
    static final DateTimeFormatter TEXT_FORM = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    static Argument text(Instant t) {
        String text = TEXT_FORM.format(t);
        return (position, statement, ctx) -> statement.setString(position, text);
    }

    static final class InstantText extends AbstractArgumentFactory<Instant> {
        InstantText() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return text(value);
        }
    }

    static final class OffsetText extends AbstractArgumentFactory<OffsetDateTime> {
        OffsetText() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(OffsetDateTime value, ConfigRegistry config) {
            return text(value.toInstant());
        }
    }

    /**
     * Whether a transaction failed because PostgreSQL ended it to break a deadlock (SQLSTATE 40P01) or a
     * serialization conflict (40001): it changed nothing, and running it again may succeed.
     */
    public static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && ("40P01".equals(s.getSQLState())
                    || "40001".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
