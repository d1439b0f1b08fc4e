package trisec.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A store whose audit entries were written as text before they became bytes: the migration keeps every entry's
 * UTF-8 bytes exactly (they are what the log hashed). PostgreSQL only: the embedded SQLite store began with bytes.
 */
class AuditEntriesMigrationTest {
    private static final List<String> ENTRIES = List.of("{\"actor\":\"kor.officer\",\"type\":\"ITEM_CREATED\"}",
            "{\"level\":\"군사Ⅱ급비밀\",\"held\":\"極秘\",\"note\":\"tab\\t and emoji \uD83D\uDEE1\"}");

    @Test
    void textEntriesBecomeTheirUtf8Bytes() {
        assumeTrue(Databases.postgresMissing().isEmpty(), () -> Databases.postgresMissing().orElse(""));
        String url = Databases.freshPostgresSchema();
        try {
            Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("4").load()
                    .migrate();
            var jdbi = Jdbi.create(url);
            jdbi.useHandle(h -> {
                for (int i = 0; i < ENTRIES.size(); i++) {
                    h.createUpdate("INSERT INTO audit_entries (idx, entry) VALUES (:i, :e)").bind("i", i)
                            .bind("e", ENTRIES.get(i)).execute();
                    h.createUpdate("INSERT INTO audit_pending (entry) VALUES (:e)").bind("e", ENTRIES.get(i)).execute();
                }
            });

            try (Store store = Store.open(url)) {
                List<byte[]> entries = store.read(h -> h.createQuery("SELECT entry FROM audit_entries ORDER BY idx")
                        .mapTo(byte[].class).list());
                List<byte[]> pending = store.read(h -> h.createQuery("SELECT entry FROM audit_pending ORDER BY id")
                        .mapTo(byte[].class).list());
                var expected = ENTRIES.stream().map(e -> e.getBytes(StandardCharsets.UTF_8)).toList();
                assertThat(entries).containsExactlyElementsOf(expected);
                assertThat(pending).containsExactlyElementsOf(expected);
            }
        } finally {
            Databases.dropSchema(url);
        }
    }
}
