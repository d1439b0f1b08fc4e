package trisec.node.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One store for a test that runs on both databases: {@code "embedded"} (a fresh directory) or {@code "postgres"} (a
 * fresh schema, skipped with the reason printed where no PostgreSQL answers). Closing it closes the store and drops
 * the schema.
 */
public final class TestStore implements AutoCloseable {
    private Store store;
    private String pgUrl;

    /** Opens the store of this kind; one per test. */
    public Store open(String kind) {
        if (kind.equals("postgres")) {
            assumeTrue(Databases.postgresMissing().isEmpty(), () -> Databases.postgresMissing().orElse(""));
            pgUrl = Databases.freshPostgresSchema();
            store = Store.open(pgUrl);
        } else {
            store = Store.embedded(Databases.freshDir());
        }
        return store;
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
        if (pgUrl != null) {
            Databases.dropSchema(pgUrl);
        }
    }
}
