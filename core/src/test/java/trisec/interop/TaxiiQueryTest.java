package trisec.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.DomainException;
import trisec.interop.TaxiiQuery.Entry;
import trisec.interop.TaxiiQuery.Page;

/** A TAXII client's filters and pages (TAXII 2.1 §3.4, §3.5), over a collection's objects in their order. */
class TaxiiQueryTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private static List<Entry> collection(int items) {
        var out = new ArrayList<Entry>();
        for (int seq = 1; seq <= items; seq++) {
            Instant added = T0.plusSeconds(seq);
            out.add(new Entry(seq, 0, "marking-definition--" + seq, "marking-definition", "2026-11-30T00:00:00.000Z",
                    "2.1", added));
            out.add(new Entry(seq, 1, "report--" + seq, "report", "2026-11-30T00:00:0" + (seq % 10) + ".000Z", "2.1",
                    added));
        }
        return out;
    }

    private static TaxiiQuery query(Map<String, List<String>> q) {
        return TaxiiQuery.parse(q, TaxiiQuery.OBJECT_PARAMETERS);
    }

    @Test
    void pagesFollowingEachOtherServeEveryObjectOnceAndSayMoreOnlyWhenMoreFollow() {
        List<Entry> all = collection(7);
        for (int limit = 1; limit <= 15; limit++) {
            TaxiiQuery q = query(Map.of("limit", List.of(Integer.toString(limit))));
            var served = new ArrayList<Entry>();
            Optional<TaxiiQuery.Position> after = Optional.empty();
            Page p;
            do {
                p = q.page(all, after);
                assertThat(p.entries().size()).isLessThanOrEqualTo(limit);
                served.addAll(p.entries());
                after = p.last();
            } while (p.more());
            assertThat(served).as("limit " + limit).containsExactlyElementsOf(all);
        }
    }

    @Test
    void moreIsFalseWhenOnlyUnselectedObjectsFollow() {
        TaxiiQuery q = query(Map.of("limit", List.of("3"), "match[type]", List.of("report")));
        Page p = q.page(collection(3), Optional.empty());
        assertThat(p.entries()).extracting(Entry::id).containsExactly("report--1", "report--2", "report--3");
        assertThat(p.more()).isFalse();
    }

    @Test
    void theFiltersSelect() {
        List<Entry> all = collection(4);
        assertThat(query(Map.of("added_after", List.of("2026-12-01T00:00:02Z"))).page(all, Optional.empty())
                .entries()).extracting(Entry::seq).containsOnly(3L, 4L);
        assertThat(query(Map.of("match[id]", List.of("report--1,report--3"))).page(all, Optional.empty()).entries())
                .extracting(Entry::id).containsExactly("report--1", "report--3");
        assertThat(query(Map.of("match[spec_version]", List.of("2.0"))).page(all, Optional.empty()).entries())
                .isEmpty();
        assertThat(query(Map.of("match[version]", List.of("2026-11-30T00:00:02Z"))).page(all, Optional.empty())
                .entries()).extracting(Entry::id).containsExactly("report--2");
        assertThat(query(Map.of("match[version]", List.of("first"))).page(all, Optional.empty()).entries())
                .hasSize(8);
    }

    @Test
    void aBadParameterIsRefusedSayingWhat() {
        for (var bad : List.of(Map.of("limit", List.of("0")), Map.of("limit", List.of("x")),
                Map.of("added_after", List.of("2026-12-01")), Map.of("added_after", List.of("2026-12-01T09:00:00+09:00")),
                Map.of("match[version]", List.of("newest")), Map.of("match[type]", List.of("report,")),
                Map.of("colour", List.of("red")), Map.of("limit", List.of("1", "2")))) {
            assertThatThrownBy(() -> query(bad)).as(bad.toString()).isInstanceOf(DomainException.class);
        }
        assertThat(query(Map.of("limit", List.of("5000"))).limit()).isEqualTo(TaxiiQuery.MAX_LIMIT);
    }

    @Test
    void theCanonicalTextChangesWithTheFiltersAndNotWithThePageSize() {
        String a = query(Map.of("match[type]", List.of("report,note"), "limit", List.of("2"))).canonical();
        assertThat(query(Map.of("match[type]", List.of("note,report"), "limit", List.of("9"))).canonical()).isEqualTo(a);
        assertThat(query(Map.of("match[type]", List.of("report"))).canonical()).isNotEqualTo(a);
        assertThat(query(Map.of("match[id]", List.of("report,note"))).canonical()).isNotEqualTo(a);
    }
}
