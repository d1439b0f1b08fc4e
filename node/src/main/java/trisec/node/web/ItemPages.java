package trisec.node.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import trisec.DomainException;
import trisec.label.Banner;
import trisec.label.ConfidentialityLabel;
import trisec.label.NationalMarking;
import trisec.node.base.Json;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.http.Statuses;
import trisec.node.item.Holdings;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.node.log.LogQueries;
import trisec.node.person.Account;
import trisec.item.Item;
import trisec.node.release.TrackedRelease;
import trisec.node.release.Releases;
import trisec.party.Level;
import trisec.party.Party;
import trisec.scenario.file.LabelInput;

/**
 * An item's page (its marking, the access checks that let the viewer in, where it went, its history in the log
 * with proofs the browser checks), composing a new item with a live banner preview, and retracting one.
 */
final class ItemPages implements RouteGroup {
    private final Pages pages;
    private final Self self;
    private final Holdings holdings;
    private final AuditLog auditLog;
    private final LogQueries queries;

    ItemPages(Pages pages, Holdings holdings, AuditLog auditLog) {
        this.pages = pages;
        this.self = pages.self();
        this.holdings = holdings;
        this.auditLog = auditLog;
        this.queries = new LogQueries(self.store());
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/ui/items/{id}", this::item, Access.SIGNED_IN);
        r.get("/ui/items/{id}/proof", this::proof, Access.SIGNED_IN);
        r.post("/ui/items/{id}/retract", this::retract, Access.ITEM_AUTHORITY);
        r.get("/ui/compose", this::composeForm, Access.OFFICER);
        r.post("/ui/compose", this::compose, Access.OFFICER);
        r.get("/ui/banner", this::bannerPreview, Access.SIGNED_IN);
    }

    private void item(Context ctx) {
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        Optional<Holdings.View> readable = pages.readable(ctx, a, holdings, ctx.pathParam("id"));
        if (readable.isEmpty()) {
            return;
        }
        Holdings.View v = readable.get();
        Item i = v.item();
        ConfidentialityLabel l = v.label();
        var fields = new ArrayList<Models.Field>();
        fields.add(new Models.Field(t.t("item.banner"), Banner.render(l)));
        fields.add(new Models.Field(t.t("item.originator"), t.party(l.originator())));
        fields.add(new Models.Field(t.t("item.originLevel"), l.level().name()));
        fields.add(new Models.Field(t.t("item.marking"), NationalMarking.of(l, v.heldLevel())));
        fields.add(new Models.Field(t.t("item.topic"), l.topic().path()));
        fields.add(new Models.Field(t.t("item.relTo"), String.join(", ",
                l.releasableTo().stream().map(Party::code).toList())));
        fields.add(new Models.Field(t.t("item.caveats"), String.join(", ",
                l.caveatsInOrder().stream().map(Enum::name).toList())));
        fields.add(new Models.Field(t.t("item.created"), t.dateTime(i.createdAt())));
        v.held().receivedFrom().ifPresent(f -> fields.add(new Models.Field(t.t("item.receivedFrom"),
                t.party(f) + " · " + v.held().receivedAt().map(t::dateTime).orElse(""))));
        List<Models.ReleaseInfo> releases = self.store().read(h -> Releases.ofItem(h, self.facts().scenario(), i.id())).stream()
                .map(r -> releaseInfo(t, i, r)).toList();
        var view = new Models.ItemView(i.id(), i.title(), i.body(), Banner.render(l),
                Marking.of(List.of(Pages.shown(v)), self.scheme()).css(), fields,
                v.access().checks().stream().map(t::check).toList(), releases, history(t, a, i.id()),
                Access.OFFICER.allows(a), Access.OFFICER.allows(a) && l.originator().equals(self.party()),
                pages.parties(t, List.of()));
        pages.render(ctx, 200, "item.jte", pages.page(ctx, a, "dashboard", "item.title")
                .showing(Pages.shownAll(List.of(v))), view);
    }

    private Models.ReleaseInfo releaseInfo(Texts t, Item item, TrackedRelease r) {
        String receipt = r.receipt().map(json -> {
            try {
                var node = Json.MAPPER.readTree(json).path("receipt");
                return t.t("item.receipt.signed", t.partyCode(node.path("signer").asText())) + " · "
                        + node.path("outcome").asText() + " · " + t.dateTime(Instant.parse(node.path("at").asText()));
            } catch (Exception e) {
                return "";
            }
        }).orElse("");
        // The recipient marks its copy with its own level and the originator's name (GSOMIA Art. 4(2)).
        String marking = r.release().recipientLevel().map(lv -> lv.name() + " (" + item.originator().code() + ")")
                .orElse("");
        return new Models.ReleaseInfo(t.partyCode(r.recipient().code()), Pages.route(r.release()),
                String.join(", ", r.release().basis()), marking, t.releaseStatus(r.status()), receipt, r.refusal().orElse(""));
    }

    /**
     * Whether an entry of an item's log belongs in what this person sees of the item's history: everything for
     * those who may read the whole log; for others, not who else read the item or was refused it (and why).
     */
    private static boolean shownTo(Account a, com.fasterxml.jackson.databind.JsonNode entry) {
        String type = entry.path("type").asText();
        // Reads, refusals and the decisions a release page previews (opening it is a read) say who looked.
        boolean someonesAccess = type.equals(AuditEntry.Type.ITEM_READ.name())
                || type.equals(AuditEntry.Type.ITEM_DENIED.name())
                || (type.equals(AuditEntry.Type.DECISION.name()) && (entry.path("purpose").asText().equals("query")
                        || entry.path("query").asBoolean(false))); // how previews were marked before entries had a purpose
        return !someonesAccess || Access.LOG_READER.allows(a) || entry.path("actor").asText().equals(a.username());
    }

    /** The item's entries in the audit log (ids only, never content), oldest first. */
    private List<Models.HistoryLine> history(Texts t, Account a, String itemId) {
        List<Models.HistoryLine> out = new ArrayList<>();
        for (var row : queries.entriesNaming(itemId)) {
            try {
                var e = Json.MAPPER.readTree(row.getValue());
                if (!shownTo(a, e)) {
                    continue;
                }
                var detail = new StringBuilder();
                for (String k : List.of("decision", "outcome", "recipient", "route", "reason")) {
                    if (e.has(k)) {
                        detail.append(detail.isEmpty() ? "" : " · ").append(e.get(k).isArray()
                                ? String.join(" → ", java.util.stream.StreamSupport.stream(e.get(k).spliterator(), false)
                                        .map(n -> n.asText()).toList()) : word(t, k, e.get(k).asText()));
                    }
                }
                String type = e.path("type").asText();
                out.add(new Models.HistoryLine(row.getKey(), t.dateTime(Instant.parse(e.path("time").asText())),
                        t.has("audit.type." + type) ? t.t("audit.type." + type) : type,
                        t.partyCode(e.path("actor").asText()), detail.toString()));
            } catch (Exception ex) {
                out.add(new Models.HistoryLine(row.getKey(), "", "?", "", ""));
            }
        }
        return out;
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String entry) {
        try {
            return Json.MAPPER.readTree(entry);
        } catch (java.io.IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    /** A recorded verdict or outcome in the viewer's words, anything else as recorded. */
    private static String word(Texts t, String field, String value) {
        String key = switch (field) {
            case "decision" -> "verdict." + value;
            case "outcome" -> "audit.outcome." + value;
            case "recipient" -> "party." + value;
            default -> "";
        };
        return !key.isEmpty() && t.has(key) ? t.t(key) : value;
    }

    /**
     * An inclusion proof of one of the item's entries, with the checkpoint it is checked against, for the check
     * the viewer runs in the browser (the browser recomputes the root; the node has verified the checkpoint's
     * signatures when it signed it).
     */
    private void proof(Context ctx) {
        Account a = pages.account(ctx);
        Holdings.View v = holdings.inspect(a, ctx.pathParam("id"));
        if (!v.access().granted()) {
            throw Refusal.forbidden("access denied");
        }
        long index;
        try {
            index = Long.parseLong(Optional.ofNullable(ctx.queryParam("index")).orElse(""));
        } catch (NumberFormatException e) {
            throw Refusal.invalid("index");
        }
        String entry = auditLog.entry(index).filter(e -> e.contains("\"" + v.item().id() + "\"") && shownTo(a, parse(e)))
                .orElseThrow(() -> Refusal.notFound("no such entry of this item"));
        var cp = auditLog.latest().orElseThrow(() -> Refusal.notFound("no checkpoint"));
        if (index >= cp.size()) {
            throw Refusal.notFound("not in a signed checkpoint yet");
        }
        var b64 = Base64.getEncoder();
        var m = new LinkedHashMap<String, Object>();
        m.put("index", index);
        m.put("size", cp.size());
        m.put("root", b64.encodeToString(cp.root()));
        m.put("entry", entry);
        m.put("hashes", auditLog.inclusion(index, cp.size()).stream().map(b64::encodeToString).toList());
        ctx.contentType("application/json").result(Json.write(m));
    }

    private void retract(Context ctx) {
        pages.requireForm(ctx);
        holdings.retract(pages.account(ctx), ctx.pathParam("id"));
        ctx.redirect("/ui?done=error.retracted");
    }

    private void composeForm(Context ctx) {
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        pages.render(ctx, 200, "compose.jte", pages.page(ctx, a, "compose", "compose.title"),
                new Models.Compose(pages.levels(""), pages.parties(t, List.of()), caveats(List.of()), "dprk.missile",
                        "", "", ""));
    }

    private void compose(Context ctx) {
        pages.requireForm(ctx);
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        List<String> rel = ctx.formParams("relTo");
        List<String> caveats = ctx.formParams("caveat");
        var in = new Holdings.NewItem(ctx.formParam("title"), Optional.ofNullable(ctx.formParam("body")).orElse(""),
                ctx.formParam("level"), ctx.formParam("topic"), rel, caveats);
        try {
            var v = holdings.create(a, in);
            ctx.redirect("/ui/items/" + v.item().id());
        } catch (Refusal e) {
            // The form comes back as it was sent, every choice kept, and the page is marked at the level chosen for
            // what it shows again (the highest of the scheme when that level is not one).
            // Its dissemination controls (REL TO, NOFORN) as chosen, when the choices make a label.
            String level = Optional.ofNullable(ctx.formParam("level")).orElse("");
            Marking.Shown draft;
            try {
                var label = LabelInput.parse(self.facts().scenario(), self.party().code(), level, "preview", rel,
                        caveats);
                draft = new Marking.Shown(label, label.level());
            } catch (DomainException | IllegalArgumentException notALabel) {
                Level shown = self.scheme().find(level).orElse(self.scheme().highest());
                draft = new Marking.Shown(trisec.label.ConfidentialityLabel.of(shown, trisec.topic.Topic.of("preview")),
                        shown);
            }
            pages.render(ctx, Statuses.of(e), "compose.jte", pages.page(ctx, a, "compose", "compose.title")
                            .showing(List.of(draft)),
                    new Models.Compose(pages.levels(level), pages.parties(t, rel), caveats(caveats),
                            Optional.ofNullable(ctx.formParam("topic")).orElse(""),
                            Optional.ofNullable(ctx.formParam("title")).orElse(""),
                            Optional.ofNullable(ctx.formParam("body")).orElse(""),
                            t.t("compose.failed", e.getMessage())));
        }
    }

    private static List<Models.Option> caveats(List<String> chosen) {
        return java.util.stream.Stream.of("ORCON", "NOFORN")
                .map(c -> new Models.Option(c, c, chosen.contains(c))).toList();
    }

    /** The banner of a label being composed, for the live preview. */
    private void bannerPreview(Context ctx) {
        var m = new LinkedHashMap<String, Object>();
        try {
            var label = LabelInput.parse(self.facts().scenario(), self.party().code(),
                    Optional.ofNullable(ctx.queryParam("level")).orElse(""), "preview",
                    ctx.queryParams("relTo"), ctx.queryParams("caveat"));
            m.put("banner", Banner.render(label));
            m.put("marking", label.level().name());
            m.put("css", Marking.of(List.of(new Marking.Shown(label, label.level())), self.scheme()).css());
        } catch (DomainException | IllegalArgumentException e) {
            m.put("error", e.getMessage());
        }
        ctx.contentType("application/json").result(Json.write(m));
    }
}
