package trisec.node.item;

import trisec.node.base.Self;
import trisec.node.log.AuditLog;
import trisec.node.log.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import trisec.DomainException;
import trisec.item.Item;
import trisec.item.Seal;
import trisec.label.ConfidentialityLabel;
import trisec.node.base.Refusal;
import trisec.node.person.Account;
import trisec.node.federation.Messages;
import trisec.node.federation.Messages.CompromiseReport;
import trisec.node.federation.Messages.ItemNotice;
import trisec.node.federation.Postbox;
import trisec.node.federation.MessageSignatures;
import trisec.scenario.file.LabelInput;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.AccessDecision;
import trisec.policy.AccessPolicy;

/**
 * The items this node holds: the ones its officers create (this party as originator) and the copies partners
 * sent. Reading an item goes through DESIGN §2.9; the originator can retract or reclassify and every holder is
 * told; a holder can report loss or compromise and the originator is told.
 */
public final class Holdings {
    /** Bodies are limited to 1 MiB of UTF-8. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    /** An item as this node holds it, with a person's access decision on it. */
    public record View(HeldItem held, AccessDecision access) {
        public Item item() {
            return held.item();
        }

        public ConfidentialityLabel label() {
            return held.item().label();
        }

        /** This node's marking of the item: its level in this party's scheme. */
        public Level heldLevel() {
            return held.heldLevel();
        }
    }

    private final Self self;
    private final Postbox postbox;
    private final Holders holders;
    private final List<ItemCreated> onCreated;
    private final List<ItemRetracted> onRetracted;
    private final List<ItemRelabelled> onRelabelled;
    private final Runnable wakeCourier;

    /**
     * @param onCreated told of each item created here, in the transaction that stores it
     * @param onRetracted told of each item this node retracts as its originator, in the transaction that does
     * @param onRelabelled told of each item this node reclassifies as its originator, in the transaction that does
     */
    public Holdings(Self self, Postbox postbox, Holders holders, List<ItemCreated> onCreated,
                    List<ItemRetracted> onRetracted, List<ItemRelabelled> onRelabelled, Runnable wakeCourier) {
        this.self = self;
        this.holders = holders;
        this.onCreated = List.copyOf(onCreated);
        this.onRetracted = List.copyOf(onRetracted);
        this.onRelabelled = List.copyOf(onRelabelled);
        this.postbox = postbox;
        this.wakeCourier = wakeCourier;
    }

    public record NewItem(String title, String body, String level, String topic, List<String> relTo,
                          List<String> caveats) {}

    public View create(Account officer, NewItem in) {
        return create(officer, in, (h, by, held) -> { });
    }

    /**
     * Creates an item and, in the transaction that stores it, does what the caller adds: a feature that keeps its
     * own record of which items are its own (the options) writes it with the item or not at all.
     */
    public View create(Account officer, NewItem in, ItemCreated also) {
        return create(officer, in, also, true);
    }

    /**
     * As {@link #create(Account, NewItem, ItemCreated)}, for an item that leaves this node only by a release a person
     * asks for: no standing authority sends it on its own (an option, a party's own "what if", is such an item).
     */
    public View createKeptHome(Account officer, NewItem in, ItemCreated also) {
        return create(officer, in, also, false);
    }

    private View create(Account officer, NewItem in, ItemCreated also, boolean sendable) {
        HeldItem held = originate(officer, in);
        self.store().useTransaction(h -> store(h, officer, held, also, sendable));
        self.changes().signal(trisec.node.base.Changes.ITEMS);
        return new View(held, AccessPolicy.decide(officer.person(), held.item().label(), held.heldLevel()));
    }

    /**
     * A new item of this node, checked and sealed as {@link #create(Account, NewItem)} makes it, but not yet stored:
     * for a caller that stores several in one transaction with {@link #storeOriginated}. Refused as creating it
     * would be.
     */
    public HeldItem originate(Account officer, NewItem in) {
        if (in.title() == null || in.title().isBlank() || in.title().length() > 500) {
            throw Refusal.invalid("title is 1 to 500 characters");
        }
        if (in.body() == null) {
            throw Refusal.invalid("body is required");
        }
        if (in.body().getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw Refusal.tooLarge("body is larger than 1 MiB");
        }
        if (in.level() == null || in.topic() == null) {
            throw Refusal.invalid("level and topic are required");
        }
        ConfidentialityLabel label = label(in);
        AccessDecision access = AccessPolicy.decide(officer.person(), label, label.level());
        if (!access.granted()) {
            throw Refusal.forbidden("ACCESS_DENIED", "you could not read an item marked like this, so you cannot "
                    + "create it", access.reasons());
        }
        // Signed as stored: the databases keep microseconds, so the signed instant must not carry more.
        Instant now = self.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Item item = sealed(new Item(UUID.randomUUID().toString(), label.withCreated(now), in.title().strip(), in.body(),
                Seal.unsigned(self.keys().identity().keyId().value())));
        return new HeldItem(item, label.level(), Optional.empty(), Optional.empty(), false, Optional.of(officer.id()));
    }

    /**
     * Stores an item {@link #originate} made, in the caller's transaction, with its audit entry, and tells the
     * features of it as creating an item does; the caller signals {@code Changes.ITEMS} after the commit.
     */
    public void storeOriginated(Handle h, Account officer, HeldItem held) {
        store(h, officer, held, (x, by, y) -> { }, true);
    }

    private void store(Handle h, Account officer, HeldItem held, ItemCreated also, boolean sendable) {
        Item item = held.item();
        ConfidentialityLabel label = item.label();
        Items.insert(h, Labels.row(held));
        AuditLog.append(h, AuditEntry.of(AuditEntry.Type.ITEM_CREATED, item.createdAt(), officer.username())
                .with("item", item.id()).with("level", label.level().name()).with("topic", label.topic().path())
                .with("banner", trisec.label.Banner.render(label)));
        for (ItemCreated listener : onCreated) {
            if (sendable || !(listener instanceof ItemCreated.Sending)) {
                listener.created(h, officer, held);
            }
        }
        also.created(h, officer, held);
    }

    /**
     * The item under this node's seal: its signature over the item and the label, as messages carry them. The
     * unsigned item names this node's key in its seal, since the key id is part of what is signed.
     */
    private Item sealed(Item unsigned) {
        String signature = MessageSignatures.signItem(self.keys(), Labels.data(unsigned));
        return new Item(unsigned.id(), unsigned.label(), unsigned.title(), unsigned.body(),
                new Seal(unsigned.seal().keyId(), signature));
    }

    private ConfidentialityLabel label(NewItem in) {
        try {
            return LabelInput.parse(self.facts().scenario(), self.party().code(), in.level(), in.topic(),
                    in.relTo() == null ? List.of() : in.relTo(), in.caveats() == null ? List.of() : in.caveats());
        } catch (DomainException e) {
            throw Refusal.invalid(e.getMessage());
        }
    }

    /** The item when the person may see it (DESIGN §2.9); else 403 with every reason. */
    public View read(Account person, String id) {
        View v = inspect(person, id);
        if (!v.access().granted()) {
            throw Refusal.forbidden("ACCESS_DENIED", "you may not see this item", v.access().reasons());
        }
        return v;
    }

    /**
     * The access decision on an item, recorded in the audit log whether granted or not; the caller shows the item
     * only when granted. 404 for no such item, 410 once retracted.
     */
    public View inspect(Account person, String id) {
        ItemRow item = self.store().read(h -> Items.byId(h, id)).orElseThrow(() -> Refusal.notFound("no item " + id));
        if (item.retracted()) {
            throw Refusal.retracted("the originator " + item.originator() + " has retracted this item");
        }
        View v = view(person, item);
        // Every access is on record, granted or not, before anything is answered (DESIGN §3, audit).
        self.store().useTransaction(h -> AuditLog.append(h, AuditEntry.of(v.access().granted()
                        ? AuditEntry.Type.ITEM_READ : AuditEntry.Type.ITEM_DENIED, self.clock().instant(), person.username())
                .with("item", item.id()).with("heldLevel", v.heldLevel().name())
                .with("reasons", v.access().granted() ? null : v.access().reasons())));
        return v;
    }

    /** A stored item as this node holds it, and the person's access to it (DESIGN §2.9). */
    public View view(Account person, ItemRow row) {
        HeldItem held = held(row);
        return new View(held, AccessPolicy.decide(person.person(), held.item().label(), held.heldLevel()));
    }

    /** When the originator made the label the item carries: its latest reclassification, else its creation. */
    public Instant labelledAt(HeldItem held) {
        return self.store().read(h -> Items.labelledAt(h, held.id())).orElse(held.item().createdAt());
    }

    /** A stored item as this node holds it. */
    public HeldItem held(ItemRow row) {
        return Labels.held(row, self.facts().scenario(), self.scheme());
    }

    /**
     * The ids of every item held here (retracted ones included) that the person may see: releases and consent
     * requests are shown only for those, since where an item goes says something about it.
     */
    public java.util.Set<String> readable(Account person) {
        return self.store().read(Items::all).stream().map(i -> view(person, i)).filter(v -> v.access().granted())
                .map(v -> v.item().id()).collect(java.util.stream.Collectors.toSet());
    }

    /** Every active item the person may see. */
    public List<View> list(Account person) {
        return visible(person, self.store().read(Items::all));
    }

    /** The active items on a topic or below it that the person may see. */
    public List<View> list(Account person, trisec.topic.Topic topic) {
        return visible(person, self.store().read(h -> Items.onTopic(h, topic)));
    }

    /**
     * Of the given items, the active ones the person may see, in the order given: for a feature that knows which
     * few items it wants (a warning's latest version) and reads only those, under the same rules as every list.
     */
    public List<View> among(Account person, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var rows = self.store().read(h -> Items.byIds(h, ids)).stream()
                .collect(java.util.stream.Collectors.toMap(ItemRow::id, r -> r));
        return visible(person, ids.stream().distinct().filter(rows::containsKey).map(rows::get).toList());
    }

    private List<View> visible(Account person, List<ItemRow> rows) {
        return rows.stream().filter(i -> !i.retracted()).map(i -> view(person, i)).filter(v -> v.access().granted())
                .toList();
    }

    /** Copies received from partners that the person may see. */
    public List<View> inbox(Account person) {
        return self.store().read(Items::received).stream().filter(i -> !i.retracted()).map(i -> view(person, i))
                .filter(v -> v.access().granted()).toList();
    }

    /**
     * Whom a retraction reached: directly, or through a holder that passes the originator's signed notice on (the
     * hub to the parties it forwarded the item to), and those no one could tell.
     */
    public record Told(List<Party> direct, List<Party> relayed, List<Party> notTold) {}

    /**
     * The originator withdraws its item (GSOMIA Art. 4): every holder is told, directly or through the holder its
     * copy came from; whom, and whom no one could tell, is on record and answered.
     */
    public Told retract(Account person, String id) {
        Item item = own(person, id);
        Told told = self.store().inTransaction(h -> {
            Items.retract(h, item.id());
            for (ItemRetracted listener : onRetracted) {
                listener.retracted(h, item.id());
            }
            Told t = telling(h, item.id());
            Instant now = self.clock().instant();
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.RETRACTED, now, person.username())
                    .with("item", item.id()).with("relayed", t.relayed().isEmpty() ? null : Labels.codes(t.relayed()))
                    .with("notTold", t.notTold().isEmpty() ? null : Labels.codes(t.notTold())));
            ItemNotice notice = MessageSignatures.signNotice(self.keys(), item.id(), Messages.RETRACT, null, null,
                    null, now.toString());
            for (Party holder : t.direct()) {
                postbox.post(h, holder, notice, Postbox.header(item.label()), Optional.empty());
            }
            return t;
        });
        wakeCourier.run();
        self.changes().signal(trisec.node.base.Changes.ITEMS);
        return told;
    }

    /**
     * The originator marks its item at another of its levels, signed anew; every holder is told as of a retraction
     * and re-marks its copy.
     */
    public View reclassify(Account person, String id, String level) {
        Item item = own(person, id);
        Level to;
        try {
            to = self.scheme().level(level);
        } catch (DomainException e) {
            throw Refusal.invalid(e.getMessage());
        }
        Item relabelled = sealed(item.reclassified(to, Seal.unsigned(self.keys().identity().keyId().value())));
        String signature = relabelled.seal().signature();
        var label = relabelled.label();
        Instant now = self.clock().instant();
        self.store().useTransaction(h -> {
            Items.relabel(h, item.id(), to.name(), to.name(), relabelled.seal().keyId(), signature, now);
            for (ItemRelabelled listener : onRelabelled) {
                listener.relabelled(h, item.id(), now);
            }
            Told t = telling(h, item.id());
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.RECLASSIFIED, self.clock().instant(), person.username())
                    .with("item", item.id()).with("from", item.label().level().name()).with("to", to.name())
                    .with("relayed", t.relayed().isEmpty() ? null : Labels.codes(t.relayed()))
                    .with("notTold", t.notTold().isEmpty() ? null : Labels.codes(t.notTold())));
            ItemNotice notice = MessageSignatures.signNotice(self.keys(), item.id(), Messages.RECLASSIFY, to.name(),
                    relabelled.seal().keyId(), signature, now.toString());
            for (Party holder : t.direct()) {
                postbox.post(h, holder, notice, Postbox.header(label), Optional.empty());
            }
        });
        wakeCourier.run();
        self.changes().signal(trisec.node.base.Changes.ITEMS);
        return read(person, id);
    }

    /** A holder reports loss or compromise; the originator's node is told (GSOMIA Art. 17). */
    public Reports.Row reportCompromise(Account person, String id, String detail) {
        View v = read(person, id);
        if (detail == null || detail.isBlank() || detail.length() > 10_000) {
            throw Refusal.invalid("detail is 1 to 10,000 characters");
        }
        var report = new Reports.Row(UUID.randomUUID().toString(), v.item().id(), self.party().code(), detail.strip(),
                self.clock().instant());
        self.store().useTransaction(h -> {
            Reports.insert(h, report);
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.COMPROMISE, report.reportedAt(), person.username())
                    .with("item", report.itemId()).with("report", report.id()));
            Party originator = v.item().originator();
            if (!originator.equals(self.party())) {
                postbox.post(h, originator,
                        new CompromiseReport(report.id(), v.item().id(), report.detail(), report.reportedAt().toString()), Postbox.UNCLASSIFIED_HEADER,
                        Optional.empty());
            }
        });
        wakeCourier.run();
        return report;
    }

    public List<Reports.Row> reports(Account person, String id) {
        View v = read(person, id);
        return self.store().read(h -> Reports.ofItem(h, v.item().id()));
    }

    private Item own(Account person, String id) {
        View v = read(person, id);
        if (!v.item().originator().equals(self.party())) {
            throw Refusal.forbidden("only the originator " + v.item().originator() + " may do that");
        }
        return v.item();
    }

    /**
     * Whom the originator's notice about an item goes to. Directly: every party on the route of a release of it in
     * flight or delivered (a copy may be there while its receipt is not yet back), and every party a holder was
     * allowed to pass it on to, that this node reaches. Relayed: a final recipient this node does not reach, whose
     * copy went through a hub it does reach (the hub passes the signed notice on), and a party a holder was
     * allowed to pass it on to (that holder passes it on). Not told: anyone else.
     */
    private Told telling(Handle h, String itemId) {
        var direct = new LinkedHashSet<Party>();
        var relayed = new LinkedHashSet<Party>();
        var notTold = new LinkedHashSet<Party>();
        for (List<Party> route : holders.routes(h, itemId).toList()) {
            for (Party p : route.subList(1, route.size())) {
                if (p.equals(self.party())) {
                    continue;
                }
                if (postbox.reaches(p)) {
                    direct.add(p);
                } else if (p.equals(route.getLast()) && route.size() == 3 && postbox.reaches(route.get(1))) {
                    relayed.add(p);
                } else {
                    notTold.add(p);
                }
            }
        }
        holders.allowedOnward(h, itemId).filter(p -> !p.equals(self.party()))
                .forEach(p -> (postbox.reaches(p) ? direct : relayed).add(p));
        relayed.removeAll(direct);
        notTold.removeAll(direct);
        notTold.removeAll(relayed);
        return new Told(List.copyOf(direct), List.copyOf(relayed), List.copyOf(notTold));
    }

}
