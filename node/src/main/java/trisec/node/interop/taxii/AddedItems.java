package trisec.node.interop.taxii;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.interop.StixIds;
import trisec.node.item.HeldItem;
import trisec.node.item.ItemCreated;
import trisec.node.item.ItemReceived;
import trisec.node.item.ItemRelabelled;
import trisec.node.item.ItemRow;
import trisec.node.item.Items;
import trisec.node.store.Store;

/**
 * The {@code stix_added} table: the order in which items came to be held here, which the TAXII server pages by.
 *
 * <p>Why a number taken under a lock and not a database sequence: a client that has read up to number n asks next
 * for the numbers after n, so an item must never commit with a number below one already served. A PostgreSQL
 * sequence gives numbers at insert, and a transaction that took 7 may commit after one that took 8 was served. Here
 * the number comes from an UPDATE of the one {@code stix_added_head} row, whose lock the transaction holds until it
 * ends: the transaction that takes n+1 waits until the one that took n has committed or rolled back (then n is given
 * again). So numbers are in commit order, with no gap a later commit could fill, on SQLite (one writer at a time
 * anyway) and across the instances of a node on one PostgreSQL.
 */
final class AddedItems {
    private AddedItems() {}

    /**
     * Microseconds between the dates of two items in the order: an item's objects take its date and the microseconds
     * after it, one each (TaxiiServer), so no two objects share a date and dates rise with the order. A bundle has
     * seven objects; the room is kept for more.
     */
    static final int SLOTS = 16;

    /** An item in the order: its number, its id, and when it was added here (its TAXII {@code date_added}). */
    record Added(long seq, String itemId, Instant addedAt) {}

    /** Told of each item created here, in the transaction that stores it. */
    static ItemCreated onCreated() {
        return (h, by, held) -> add(h, held);
    }

    /** Told of each partner's copy stored here, in the transaction that stores it. */
    static ItemReceived onReceived() {
        return AddedItems::add;
    }

    /** Told of each held item whose label changes here, in the transaction that changes it. */
    static ItemRelabelled onRelabelled() {
        return AddedItems::renumber;
    }

    /**
     * Gives an item already in the order the next number and a new {@code date_added}, in place of its old ones: a
     * reclassified item is a new version of its objects (a new marking, the report's {@code modified}), which a client
     * that has paged past its old number would otherwise never be served. The head row's lock is taken first, as
     * {@link #add} takes it, so the move is in commit order like any numbering. An item not in the order yet (a copy
     * whose transaction numbers it later, or one {@link #catchUp} will number) is left to that.
     */
    static void renumber(Handle h, String itemId, Instant at) {
        lock(h);
        if (h.createUpdate("DELETE FROM stix_added WHERE item_id = :i").bind("i", itemId).execute() == 0) {
            return;
        }
        add(h, itemId, at);
    }

    /**
     * Takes the head row's lock without taking a number: whoever numbers an item in this transaction later waits for
     * no one else then, and no one numbers an item meanwhile.
     */
    static void lock(Handle h) {
        h.createUpdate("UPDATE stix_added_head SET last = last WHERE id = 1").execute();
    }

    private static void add(Handle h, HeldItem held) {
        add(h, held.id(), held.receivedAt().orElse(held.item().createdAt()));
    }

    /**
     * Gives the item the next number and its {@code date_added}, both under the head row's lock. The time asked for
     * (creation or receipt) was fixed before the lock was taken, so a transaction that waited for it may carry an
     * earlier time than the item numbered before it, or one too close to it for that item's objects' dates; the date
     * is then moved to {@link #SLOTS} microseconds after that item's, so dates rise with numbers and a client polling
     * by {@code added_after} misses nothing.
     */
    static void add(Handle h, String itemId, Instant addedAt) {
        h.createUpdate("UPDATE stix_added_head SET last = last + 1 WHERE id = 1").execute();
        long seq = h.createQuery("SELECT last FROM stix_added_head WHERE id = 1").mapTo(Long.class).one();
        Instant at = addedAt.truncatedTo(ChronoUnit.MICROS);
        // The item numbered last before this one; not always seq - 1, since a renumbered item leaves its old number
        // unused.
        Optional<Instant> before = h.createQuery(
                        "SELECT added_at FROM stix_added WHERE seq < :s ORDER BY seq DESC LIMIT 1").bind("s", seq)
                .map((rs, c) -> Store.instant(rs, "added_at")).findOne();
        Instant earliest = before.map(b -> b.truncatedTo(ChronoUnit.MICROS).plus(SLOTS, ChronoUnit.MICROS))
                .orElse(at);
        if (at.isBefore(earliest)) {
            at = earliest;
        }
        h.createUpdate("INSERT INTO stix_added (seq, item_id, added_at, report_id, note_id) "
                        + "VALUES (:s, :i, :a, :r, :n)")
                .bind("s", seq).bind("i", itemId).bind("a", Store.utc(at)).bind("r", reportId(itemId))
                .bind("n", noteId(itemId)).execute();
    }

    /*
     * The STIX id of an item's own object is a UUIDv5 of its type and the item's id (StixIds): the type is part of
     * the name, so a report's and a note's ids differ in their uuid too. Which one an item exports as is its kind,
     * decided on export; both are kept, so the lookup needs neither the kind nor a scan of the items.
     */
    private static String reportId(String itemId) {
        return StixIds.id("report", "item", itemId);
    }

    private static String noteId(String itemId) {
        return StixIds.id("note", "item", itemId);
    }

    /** The held item whose own object (its report or note) has this STIX id, if any. */
    static Optional<String> itemOfStixId(Handle h, String stixId) {
        return h.createQuery("SELECT item_id FROM stix_added WHERE report_id = :s OR note_id = :s")
                .bind("s", stixId).mapTo(String.class).findFirst();
    }

    /**
     * Items the order lacks, added in the order they came (at start-up, before anything is served): the items a store
     * held before the order existed.
     */
    static void catchUp(Store store) {
        store.useTransaction(h -> {
            // The head row's lock first: another instance of the node catching up, or storing an item, waits until
            // this transaction ends, so no item gains its number between the reading below and the numbering.
            lock(h);
            var known = new HashSet<>(h.createQuery("SELECT item_id FROM stix_added").mapTo(String.class).list());
            List<ItemRow> missing = Items.all(h).stream().filter(r -> !known.contains(r.id()))
                    .sorted(Comparator.comparing(AddedItems::addedAt).thenComparing(ItemRow::id)).toList();
            for (ItemRow r : missing) {
                add(h, r.id(), addedAt(r));
            }
            // Rows numbered before the STIX ids were kept with them.
            for (String item : h.createQuery("SELECT item_id FROM stix_added WHERE report_id IS NULL OR note_id IS NULL")
                    .mapTo(String.class).list()) {
                h.createUpdate("UPDATE stix_added SET report_id = :r, note_id = :n WHERE item_id = :i")
                        .bind("r", reportId(item)).bind("n", noteId(item)).bind("i", item).execute();
            }
        });
    }

    private static Instant addedAt(ItemRow r) {
        return r.receivedAt().orElse(r.createdAt());
    }

    /** Every item in the order, with its stored row. */
    static List<Row> all(Handle h) {
        List<Added> added = h.createQuery("SELECT seq, item_id, added_at FROM stix_added ORDER BY seq")
                .map((rs, c) -> new Added(rs.getLong("seq"), rs.getString("item_id"), Store.instant(rs, "added_at")))
                .list();
        var rows = new java.util.HashMap<String, ItemRow>();
        Items.byIds(h, added.stream().map(Added::itemId).toList()).forEach(r -> rows.put(r.id(), r));
        return added.stream().filter(a -> rows.containsKey(a.itemId())).map(a -> new Row(a, rows.get(a.itemId())))
                .toList();
    }

    /** An item in the order with its stored row. */
    record Row(Added added, ItemRow item) {}
}
