package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.api.ApiFixture.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import trisec.interop.StixIds;
import trisec.node.Client;

/**
 * A reader paging through a collection with a small page while writers add items: every item committed before the
 * reader asked for its last page is served exactly once (docs/INTEROP.md, "Pages that lose nothing").
 */
final class TaxiiPaging {
    private TaxiiPaging() {}

    static void whileWriting(Client node, String collection) throws Exception {
        int writers = 3;
        int each = 12;
        Set<String> committed = ConcurrentHashMap.newKeySet();
        var failures = new ConcurrentHashMap<String, String>();
        var done = new CountDownLatch(writers);
        var start = new CountDownLatch(1);
        for (int w = 0; w < writers; w++) {
            int n = w;
            Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        var r = node.post("kor.officer", "/api/v1/items", body("title", "paged " + n + "." + i,
                                "body", "x", "level", "군사Ⅲ급비밀", "topic", "dprk.missile", "relTo", List.of(),
                                "caveats", List.of()));
                        if (r.status() != 201) {
                            failures.put(n + "." + i, r.body());
                        } else {
                            committed.add(StixIds.id("report", "item", r.json().get("id").asText()));
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        start.countDown();
        int overlapping = 0;
        boolean writing;
        do {
            writing = done.getCount() > 0;
            int before = committed.size();
            session(node, collection, committed);
            if (committed.size() > before) {
                overlapping++;
            }
        } while (writing);
        assertThat(failures).isEmpty();
        assertThat(overlapping).as("paging sessions during which items were added").isPositive();
    }

    /** One paging session from the start to {@code more: false}. */
    private static void session(Client node, String collection, Set<String> committed) throws InterruptedException {
        var seen = new ArrayList<String>();
        String next = null;
        while (true) {
            // What had committed before this page was asked for: the last page's is what must have been seen.
            Set<String> before = Set.copyOf(committed);
            String path = "/taxii2/trisec/collections/" + collection + "/objects/?limit=2&match%5Btype%5D=report"
                    + (next == null ? "" : "&next=" + TaxiiApiTest.enc(next));
            Client.Response r = TaxiiApiTest.taxii(node, "kor.officer", path);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode page = r.json();
            page.path("objects").forEach(o -> seen.add(o.get("id").asText()));
            if (!page.get("more").asBoolean()) {
                assertThat(seen).doesNotHaveDuplicates();
                assertThat(seen).containsAll(before);
                return;
            }
            next = page.get("next").asText();
            Thread.sleep(2);
        }
    }
}
