package trisec.node.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Databases for store tests: a fresh directory for the embedded store, or a fresh schema in the machine's PostgreSQL
 * ({@code TRISEC_TEST_PG}, default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}). Where no
 * PostgreSQL answers, {@link #postgresMissing()} says why and the PostgreSQL tests are skipped with that reason.
 */
public final class Databases {
    public static final String PG = Optional.ofNullable(System.getenv("TRISEC_TEST_PG"))
            .orElse("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private static final Optional<String> MISSING = probe();

    private Databases() {}

    private static Optional<String> probe() {
        try (var c = DriverManager.getConnection(PG)) {
            c.createStatement().execute("SELECT 1");
            return Optional.empty();
        } catch (SQLException e) {
            String reason = "PostgreSQL tests skipped: no database at " + PG + " (" + e.getMessage() + ")";
            System.out.println(reason);
            return Optional.of(reason);
        }
    }

    public static Optional<String> postgresMissing() {
        return MISSING;
    }

    /** A JDBC URL of a new, empty schema; dropped by {@link #dropSchema}. */
    public static String freshPostgresSchema() {
        String schema = "trisec_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var c = DriverManager.getConnection(PG)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return PG + (PG.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static void dropSchema(String url) {
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        try (var c = DriverManager.getConnection(PG)) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            // a leftover test schema is harmless
        }
    }

    public static Path freshDir() {
        try {
            return Files.createTempDirectory("trisec-store-");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
