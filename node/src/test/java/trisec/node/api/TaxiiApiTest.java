package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;
import static trisec.node.api.ApiFixture.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.interop.StixIds;
import trisec.interop.TrisecMarking;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.Node;
import trisec.node.base.NodeAuth;
import trisec.node.item.HeldItem;
import trisec.node.item.ItemRow;
import trisec.node.item.Items;
import trisec.node.item.Labels;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleaseRequest;

/**
 * The TAXII 2.1 server (docs/INTEROP.md): its resources and media types, its errors, and above all that every answer
 * is the requester's own: a person gets exactly the items they may read, a partner node exactly what a release to it
 * would carry, and nothing else shows through a count, a page, a token, a header or an error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaxiiApiTest {
    static final String MEDIA = "application/taxii+json;version=2.1";
    private static final String ROOT = "/taxii2/trisec/";
    private final StixSchemas schemas = new StixSchemas();
    private Cluster cluster;
    private Client kor;
    private final List<String> persons = new ArrayList<>();
    private final Map<String, String> passwords = new HashMap<>();
    private String retracted;
    private String option;
    /** An item delivered to JPN and then reclassified by KOR: JPN now holds it at another level. */
    private String reclassified;

    @BeforeAll
    void seed() {
        cluster = Cluster.trilateral();
        kor = cluster.client(KOR);
        Client jpn = cluster.client(JPN);
        Random random = new Random(14);
        List<Level> levels = cluster.node(KOR).self().scheme().levels();
        List<String> topics = List.of("dprk", "dprk.missile", "dprk.nuclear", "china", "consult", "misc.trade");
        // An officer who may make an item on any of these topics at any level.
        person(kor, "kor.wide", levels.getLast().name().equals("UNCLASSIFIED") ? levels.getFirst() : levels.getLast(),
                List.of("dprk", "china", "consult", "misc"), "officer");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            var rel = new ArrayList<String>();
            List<String> caveats = switch (random.nextInt(5)) {
                case 0 -> List.of("NOFORN");
                case 1 -> List.of("ORCON");
                default -> List.of();
            };
            if (caveats.isEmpty() && random.nextBoolean()) {
                rel.add("KOR");
                for (String p : List.of("USA", "JPN")) {
                    if (random.nextBoolean()) {
                        rel.add(p);
                    }
                }
            }
            Level level = levels.get(random.nextInt(levels.size()));
            var r = kor.post("kor.wide", "/api/v1/items", body("title", "seeded " + i, "body", "content " + i,
                    "level", level.name(), "topic", topics.get(random.nextInt(topics.size())), "relTo", rel,
                    "caveats", caveats));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            ids.add(r.json().get("id").asText());
        }
        // Releases through the release process (asked, approved by a second person, delivered): what a partner's pull
        // serves again. Some to each partner, the first item too, which is then retracted.
        for (int i = 0; i < ids.size(); i++) {
            for (String to : i % 2 == 0 ? List.of("JPN", "USA") : i % 3 == 0 ? List.of("USA") : List.<String>of()) {
                var asked = kor.post("kor.wide", "/api/v1/items/" + ids.get(i) + "/releases", body("to", to));
                if (asked.status() == 202) {
                    kor.post("kor.disclosure", "/api/v1/releases/" + asked.json().at("/release/id").asText()
                            + "/approve", "");
                }
            }
        }
        Cluster.eventually(() -> cluster.node(KOR).self().store().read(h -> trisec.node.release.Releases.all(h,
                cluster.node(KOR).self().facts().scenario())).stream().noneMatch(t -> Set.of(
                trisec.node.release.ReleaseStatus.QUEUED, trisec.node.release.ReleaseStatus.RETRYING,
                trisec.node.release.ReleaseStatus.FORWARDING).contains(t.status())), "KOR's releases are delivered");
        // One item delivered to JPN is then reclassified to a level the agreements map to another JPN level: the
        // notice moves JPN's copy, and a pull must mark it as JPN now holds it, not as the release once did.
        Node korNode = cluster.node(KOR);
        reclassify:
        for (String id : ids.subList(1, ids.size())) {
            var release = korNode.self().store().read(h -> trisec.node.release.Releases.all(h,
                    korNode.self().facts().scenario())).stream().filter(t -> t.itemId().equals(id)
                    && t.recipient().equals(JPN) && t.status() == trisec.node.release.ReleaseStatus.DELIVERED)
                    .findFirst();
            if (release.isEmpty()) {
                continue;
            }
            ItemRow row = korNode.self().store().read(h -> Items.byId(h, id)).orElseThrow();
            var label = Labels.held(row, korNode.self().facts().scenario(), korNode.self().scheme()).item().label();
            for (Level to : levels) {
                var moved = new trisec.label.ConfidentialityLabel(KOR, to, label.releasableTo(), label.caveats(),
                        label.topic(), label.created());
                ReleaseDecision d = korNode.self().facts().policy().decide(new ReleaseRequest(moved, KOR, JPN,
                        Instant.now(), false));
                if (!to.equals(label.level()) && d.permitted() && d.route().size() == 2
                        && !d.recipientLevel().equals(release.get().release().recipientLevel())) {
                    var r = kor.post("kor.wide", "/api/v1/items/" + id + "/reclassify", body("level", to.name()));
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                    String want = d.recipientLevel().orElseThrow().name();
                    Cluster.eventually(() -> cluster.node(JPN).self().store().read(h -> Items.byId(h, id))
                            .map(ItemRow::heldLevel).orElse("").equals(want), "JPN's copy is moved to " + want);
                    reclassified = id;
                    break reclassify;
                }
            }
        }
        assertThat(reclassified).as("an item delivered to JPN could be reclassified").isNotNull();
        // An option: never released, so never served to a partner.
        String yaml = kor.get("kor.officer", "/api/v1/options/examples").json().at("/examples/kor-notice-2026")
                .asText();
        var option = kor.post("kor.officer", "/api/v1/options", trisec.node.base.Json.write(Map.of("yaml", yaml,
                "level", levels.getLast().name(), "topic", "dprk.options")));
        assertThat(option.status()).as(option.body()).isEqualTo(201);
        this.option = option.json().get("id").asText();
        retracted = ids.getFirst();
        assertThat(kor.post("kor.wide", "/api/v1/items/" + retracted + "/retract", "").status()).isEqualTo(200);
        // Copies received from JPN: the inbox.
        for (String level : List.of("極秘", "秘")) {
            var r = jpn.post("jpn.officer", "/api/v1/items", body("title", "from Tokyo " + level, "body", "jpn content",
                    "level", level, "topic", "dprk.missile", "relTo", List.of("USA", "JPN", "KOR"),
                    "caveats", List.of()));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            String id = r.json().get("id").asText();
            var asked = jpn.post("jpn.officer", "/api/v1/items/" + id + "/releases", body("to", "KOR"));
            assertThat(asked.status()).as(asked.body()).isEqualTo(202);
            var approved = jpn.post("jpn.disclosure", "/api/v1/releases/" + asked.json().at("/release/id").asText()
                    + "/approve", "");
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            Cluster.eventually(() -> kor.get("kor.officer", "/api/v1/items/" + id).status() == 200, "KOR holds " + id);
        }
        // Readers with clearances and needs-to-know drawn at random, and the demo's own.
        for (int i = 0; i < 5; i++) {
            var ntk = new ArrayList<String>();
            for (String t : List.of("dprk", "dprk.missile", "china", "consult", "misc")) {
                if (random.nextInt(3) == 0) {
                    ntk.add(t);
                }
            }
            person(kor, "kor.reader" + i, levels.get(random.nextInt(levels.size())), ntk, "reader");
        }
        persons.addAll(List.of("kor.officer", "kor.analyst", "kor.policy", "kor.guest", "kor.wide"));
    }

    private void person(Client c, String username, Level clearance, List<String> ntk, String role) {
        String password = "password-of-" + username;
        var r = c.post("kor.admin", "/api/v1/persons", body("username", username, "password", password,
                "clearance", clearance.name(), "needToKnow", ntk, "roles", List.of(role)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        c.signIn(username, password);
        passwords.put(username, password);
        if (!persons.contains(username) && role.equals("reader")) {
            persons.add(username);
        }
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    static Client.Response taxii(Client c, String who, String path, String accept) {
        var b = HttpRequest.newBuilder(c.base().resolve(path)).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return c.raw(who == null ? null : "Bearer " + c.token(who), b);
    }

    static Client.Response taxii(Client c, String who, String path) {
        return taxii(c, who, path, MEDIA);
    }

    private Client.Response partner(Party from, String path) {
        var b = HttpRequest.newBuilder(kor.base().resolve(path)).GET().header("Accept", MEDIA);
        return kor.raw(NodeAuth.header(cluster.keys(from), "GET", path), b);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Map<String, String> collections(String who) {
        var out = new LinkedHashMap<String, String>();
        for (JsonNode c : taxii(kor, who, ROOT + "collections/").json().get("collections")) {
            out.put(c.get("title").asText(), c.get("id").asText());
        }
        return out;
    }

    /** Every object of a collection, page by page with {@code limit}; fails on an object served twice. */
    static List<JsonNode> all(java.util.function.Function<String, Client.Response> get, String collection,
                              String filter, int limit) {
        var out = new ArrayList<JsonNode>();
        var ids = new HashSet<String>();
        String next = null;
        while (true) {
            String path = ROOT + "collections/" + collection + "/objects/?limit=" + limit + filter
                    + (next == null ? "" : "&next=" + enc(next));
            Client.Response r = get.apply(path);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.raw().headers().firstValue("Content-Type")).hasValue(MEDIA);
            JsonNode page = r.json();
            for (JsonNode o : page.path("objects")) {
                assertThat(ids.add(o.get("id").asText())).as("served once: " + o.get("id")).isTrue();
                out.add(o);
            }
            assertThat(page.path("objects").size()).isLessThanOrEqualTo(limit);
            if (!page.get("more").asBoolean()) {
                assertThat(page.has("next")).isFalse();
                return out;
            }
            assertThat(page.path("objects").size()).isEqualTo(limit);
            next = page.get("next").asText();
        }
    }

    private List<ItemRow> rows() {
        return cluster.node(KOR).self().store().read(Items::all);
    }

    /** The item an item's own STIX object stands for, by the ids every item of the node would have. */
    private Map<String, String> itemOfObject() {
        var out = new HashMap<String, String>();
        for (ItemRow r : rows()) {
            out.put(StixIds.id("report", "item", r.id()), r.id());
            out.put(StixIds.id("note", "item", r.id()), r.id());
        }
        return out;
    }

    private Set<String> itemsServed(java.util.function.Function<String, Client.Response> get, String collection,
                                    int limit) {
        Map<String, String> of = itemOfObject();
        var out = new TreeSet<String>();
        List<JsonNode> objects = all(get, collection, "", limit);
        for (JsonNode o : objects) {
            assertThat(schemas.problems(o)).as(o.toString()).isEmpty();
            String type = o.get("type").asText();
            if (type.equals("report") || type.equals("note")) {
                assertThat(of).containsKey(o.get("id").asText());
                out.add(of.get(o.get("id").asText()));
            }
        }
        // The shared objects come once, and only with an item the requester sees.
        // The two extension-definitions (the label's and the seal's) stand for them.
        List<String> shared = objects.stream().filter(o -> o.get("type").asText().equals("extension-definition"))
                .map(o -> o.get("id").asText()).toList();
        assertThat(shared).containsExactlyInAnyOrderElementsOf(out.isEmpty() ? List.of()
                : List.of(trisec.interop.TrisecMarking.EXTENSION_ID, trisec.interop.TrisecSeal.EXTENSION_ID));
        return out;
    }

    // ---- the resources ------------------------------------------------------------------------------

    @Test
    void discoveryNamesTheApiRootWhichServesTaxii21() {
        Client.Response d = taxii(kor, "kor.analyst", "/taxii2/");
        assertThat(d.status()).as(d.body()).isEqualTo(200);
        assertThat(d.raw().headers().firstValue("Content-Type")).hasValue(MEDIA);
        String root = kor.base().resolve(ROOT).toString();
        assertThat(d.json().get("api_roots")).extracting(JsonNode::asText).containsExactly(root);
        assertThat(d.json().get("default").asText()).isEqualTo(root);
        assertThat(d.json().get("title").asText()).contains("KOR");

        JsonNode api = taxii(kor, "kor.analyst", ROOT).json();
        assertThat(api.get("versions")).extracting(JsonNode::asText).containsExactly(MEDIA);
        assertThat(api.get("max_content_length").asLong()).isPositive();
        assertThat(api.get("title").asText()).isNotBlank();
    }

    @Test
    void theCollectionsAreTheTopLevelTopicsTheOtherTopicsAndTheInboxReadOnly() {
        JsonNode list = taxii(kor, "kor.analyst", ROOT + "collections/").json().get("collections");
        assertThat(list).extracting(c -> c.get("title").asText()).containsExactly("Topic dprk", "Other topics", "Inbox");
        for (JsonNode c : list) {
            assertThat(java.util.UUID.fromString(c.get("id").asText())).isNotNull();
            assertThat(c.get("can_read").asBoolean()).isTrue();
            assertThat(c.get("can_write").asBoolean()).isFalse();
            assertThat(c.get("media_types")).extracting(JsonNode::asText)
                    .containsExactly("application/stix+json;version=2.1");
            Client.Response one = taxii(kor, "kor.guest", ROOT + "collections/" + c.get("id").asText() + "/");
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.json()).isEqualTo(c);
        }
        // The same ids on every start, another node's another.
        assertThat(collections("kor.analyst")).isEqualTo(collections("kor.guest"));
        var jpnIds = new HashSet<String>();
        taxii(cluster.client(JPN), "jpn.analyst", ROOT + "collections/").json().get("collections")
                .forEach(c -> jpnIds.add(c.get("id").asText()));
        assertThat(jpnIds).doesNotContainAnyElementsOf(collections("kor.analyst").values());
    }

    @Test
    void everyFailureIsATaxiiErrorMessage() {
        String dprk = collections("kor.analyst").get("Topic dprk");
        String objects = ROOT + "collections/" + dprk + "/objects/";
        record Case(String who, String path, String accept, int status) {}
        for (Case c : List.of(
                new Case(null, objects, MEDIA, 401),
                new Case("kor.participant", objects, MEDIA, 403),
                new Case("kor.analyst", ROOT + "collections/" + java.util.UUID.randomUUID() + "/objects/", MEDIA, 404),
                new Case("kor.analyst", ROOT + "collections/nope/", MEDIA, 404),
                new Case("kor.analyst", ROOT + "nothing/", MEDIA, 404),
                new Case("kor.analyst", objects, "application/json", 406),
                new Case("kor.analyst", objects, "application/taxii+json;version=2.0", 406),
                new Case("kor.analyst", objects + "?added_after=yesterday", MEDIA, 400),
                new Case("kor.analyst", objects + "?added_after=2026-01-01T00:00:00%2B09:00", MEDIA, 400),
                new Case("kor.analyst", objects + "?limit=0", MEDIA, 400),
                new Case("kor.analyst", objects + "?limit=ten", MEDIA, 400),
                new Case("kor.analyst", objects + "?next=bm90LWEtdG9rZW4", MEDIA, 400),
                new Case("kor.analyst", objects + "?match%5Bversion%5D=newest", MEDIA, 400),
                new Case("kor.analyst", objects + "?colour=red", MEDIA, 400))) {
            Client.Response r = c.who() == null
                    ? kor.raw(null, HttpRequest.newBuilder(kor.base().resolve(c.path())).GET().header("Accept", c.accept()))
                    : taxii(kor, c.who(), c.path(), c.accept());
            assertThat(r.status()).as(c + " " + r.body()).isEqualTo(c.status());
            assertThat(r.raw().headers().firstValue("Content-Type")).as(c.toString()).hasValue(MEDIA);
            JsonNode e = r.json();
            assertThat(e.get("title").asText()).as(c.toString()).isNotBlank();
            assertThat(e.get("description").asText()).as(c.toString()).isNotBlank();
            assertThat(e.get("http_status").asText()).as(c.toString()).isEqualTo(Integer.toString(c.status()));
        }
        assertThat(kor.raw(null, HttpRequest.newBuilder(kor.base().resolve(objects)).GET()).raw().headers()
                .firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void plainTaxiiJsonAnyTypeAndNoAcceptAreAnsweredAsTaxii21() {
        String dprk = ROOT + "collections/" + collections("kor.analyst").get("Topic dprk") + "/objects/?limit=1";
        for (String accept : java.util.Arrays.asList("application/taxii+json", "*/*", "application/*",
                "text/html, application/taxii+json;version=2.1;q=0.9", null)) {
            Client.Response r = taxii(kor, "kor.analyst", dprk, accept);
            assertThat(r.status()).as(accept).isEqualTo(200);
            assertThat(r.raw().headers().firstValue("Content-Type")).hasValue(MEDIA);
        }
    }

    @Test
    void aPageHasItsEnvelopeAndDateHeadersAndItsTokenContinuesOnlyItsOwnQuery() {
        String dprk = collections("kor.officer").get("Topic dprk");
        String objects = ROOT + "collections/" + dprk + "/objects/";
        Client.Response first = taxii(kor, "kor.officer", objects + "?limit=2");
        JsonNode page = first.json();
        assertThat(page.get("more").asBoolean()).isTrue();
        assertThat(page.get("objects")).hasSize(2);
        String added = first.raw().headers().firstValue("X-TAXII-Date-Added-First").orElseThrow();
        assertThat(Instant.parse(added)).isNotNull();
        assertThat(first.raw().headers().firstValue("X-TAXII-Date-Added-Last")).isPresent();
        String next = page.get("next").asText();
        assertThat(taxii(kor, "kor.officer", objects + "?limit=2&next=" + enc(next)).status()).isEqualTo(200);
        // Another person, another filter or another collection: refused like a made-up token.
        assertThat(taxii(kor, "kor.wide", objects + "?limit=2&next=" + enc(next)).status()).isEqualTo(400);
        assertThat(taxii(kor, "kor.officer", objects + "?limit=2&match%5Btype%5D=report&next=" + enc(next)).status())
                .isEqualTo(400);
        assertThat(taxii(kor, "kor.officer", ROOT + "collections/" + collections("kor.officer").get("Inbox")
                + "/objects/?next=" + enc(next)).status()).isEqualTo(400);
        // A token changed by one character is no token.
        char c = next.charAt(5);
        String forged = next.substring(0, 5) + (c == 'A' ? 'B' : 'A') + next.substring(6);
        assertThat(taxii(kor, "kor.officer", objects + "?limit=2&next=" + enc(forged)).status()).isEqualTo(400);
    }

    @Test
    void aRequestAnswered406ReadsNothingOnRecord() {
        person(kor, "kor.picky", cluster.node(KOR).self().scheme().levels().getFirst(), List.of("dprk"), "officer");
        String dprk = collections("kor.picky").get("Topic dprk");
        for (String tail : List.of("objects/", "manifest/")) {
            assertThat(taxii(kor, "kor.picky", ROOT + "collections/" + dprk + "/" + tail, "text/html").status())
                    .isEqualTo(406);
        }
        assertThat(readsBy("kor.picky")).as("a 406 reads nothing").isZero();
        assertThat(itemsServed(p -> taxii(kor, "kor.picky", p), dprk, 50)).isNotEmpty();
        assertThat(readsBy("kor.picky")).as("an answer is read on record").isPositive();
    }

    private long readsBy(String actor) {
        cluster.node(KOR).integrateNow();
        long read = 0;
        long from = 0;
        while (true) {
            JsonNode page = kor.get("kor.auditor", "/api/v1/log/entries?from=" + from + "&limit=1000").json();
            for (JsonNode e : page.get("entries")) {
                if (e.get("entry").path("type").asText().equals("ITEM_READ")
                        && e.get("entry").path("actor").asText().equals(actor)) {
                    read++;
                }
            }
            if (page.get("entries").size() < 1000) {
                return read;
            }
            from += 1000;
        }
    }

    @Test
    void anObjectItsVersionsAndTheManifestAgreeWithTheObjects() {
        String dprk = collections("kor.officer").get("Topic dprk");
        String base = ROOT + "collections/" + dprk + "/";
        List<JsonNode> objects = all(p -> taxii(kor, "kor.officer", p), dprk, "", 100);
        JsonNode report = objects.stream().filter(o -> o.get("type").asText().equals("report")).findFirst()
                .orElseThrow();
        String id = report.get("id").asText();
        JsonNode one = taxii(kor, "kor.officer", base + "objects/" + id + "/").json();
        assertThat(one.get("objects")).containsExactly(report);
        JsonNode versions = taxii(kor, "kor.officer", base + "objects/" + id + "/versions/").json();
        assertThat(versions.get("versions")).extracting(JsonNode::asText)
                .containsExactly(report.get("modified").asText());
        String modified = report.get("modified").asText();
        for (String v : List.of("first", "last", "all", modified)) {
            assertThat(taxii(kor, "kor.officer", base + "objects/" + id + "/?match%5Bversion%5D=" + enc(v)).json()
                    .get("objects")).as(v).hasSize(1);
        }
        assertThat(taxii(kor, "kor.officer", base + "objects/" + id + "/?match%5Bversion%5D=2001-01-01T00:00:00Z")
                .json().has("objects")).isFalse();
        JsonNode manifest = taxii(kor, "kor.officer", base + "manifest/?limit=100").json();
        assertThat(manifest.get("objects")).extracting(m -> m.get("id").asText())
                .containsExactlyElementsOf(objects.stream().limit(100).map(o -> o.get("id").asText()).toList());
        JsonNode entry = manifest.get("objects").get(objects.indexOf(report));
        assertThat(entry.get("version").asText()).isEqualTo(modified);
        assertThat(entry.get("media_type").asText()).isEqualTo("application/stix+json;version=2.1");
        // Filters select: by type, by id, by spec_version, by date added.
        assertThat(all(p -> taxii(kor, "kor.officer", p), dprk, "&match%5Btype%5D=report,note", 3))
                .allSatisfy(o -> assertThat(o.get("type").asText()).isIn("report", "note"));
        assertThat(all(p -> taxii(kor, "kor.officer", p), dprk, "&match%5Bid%5D=" + id, 3)).containsExactly(report);
        assertThat(all(p -> taxii(kor, "kor.officer", p), dprk, "&match%5Bspec_version%5D=2.0", 3)).isEmpty();
        List<JsonNode> every = new ArrayList<>();
        String next = null;
        do {
            JsonNode m = taxii(kor, "kor.officer", base + "manifest/?limit=7" + (next == null ? "" : "&next=" + enc(next)))
                    .json();
            m.path("objects").forEach(every::add);
            next = m.path("next").asText(null);
        } while (next != null);
        assertThat(every).extracting(m -> m.get("id").asText())
                .containsExactlyElementsOf(objects.stream().map(o -> o.get("id").asText()).toList());
        String last = every.getLast().get("date_added").asText();
        assertThat(all(p -> taxii(kor, "kor.officer", p), dprk, "&added_after=" + enc(last), 3)).isEmpty();
    }

    // ---- who sees what --------------------------------------------------------------------------------

    @Test
    void everyPersonGetsExactlyTheItemsTheyMayReadAcrossAllPages() {
        Map<String, String> cols = collections("kor.analyst");
        var topicOf = new HashMap<String, ItemRow>();
        rows().forEach(r -> topicOf.put(r.id(), r));
        for (String who : persons) {
            var expected = new TreeSet<String>();
            for (ItemRow r : rows()) {
                if (kor.get(who, "/api/v1/items/" + r.id()).status() == 200) {
                    expected.add(r.id());
                }
            }
            var served = new TreeSet<String>();
            for (var c : cols.entrySet()) {
                Set<String> in = itemsServed(p -> taxii(kor, who, p), c.getValue(), 3);
                for (String id : in) {
                    ItemRow r = topicOf.get(id);
                    switch (c.getKey()) {
                        case "Topic dprk" -> assertThat(r.topic()).matches("dprk(\\..*)?");
                        case "Inbox" -> assertThat(r.receivedFrom()).isPresent();
                        default -> assertThat(r.topic()).doesNotStartWith("dprk");
                    }
                }
                served.addAll(in);
            }
            assertThat(served).as(who).isEqualTo(expected);
            assertThat(served).doesNotContain(retracted);
        }
        assertThat(persons).hasSizeGreaterThan(6);
    }

    @Test
    void aPartnerNodeGetsAgainExactlyWhatAReleaseDeliveredToItAtItsLevel() {
        Node node = cluster.node(KOR);
        Map<String, String> cols = collections("kor.analyst");
        var delivered = new HashMap<String, Map<String, trisec.node.release.TrackedRelease>>();
        for (var t : node.self().store().read(h -> trisec.node.release.Releases.all(h,
                node.self().facts().scenario()))) {
            if (t.status() == trisec.node.release.ReleaseStatus.DELIVERED) {
                delivered.computeIfAbsent(t.recipient().code(), k -> new HashMap<>()).put(t.itemId(), t);
            }
        }
        assertThat(rows()).extracting(ItemRow::id).contains(option);
        int permittedNotReleased = 0;
        for (Party partner : List.of(JPN, USA)) {
            Instant now = Instant.now();
            var expected = new TreeSet<String>();
            var levels = new HashMap<String, String>();
            for (ItemRow r : rows()) {
                if (r.retracted()) {
                    continue;
                }
                var release = delivered.getOrDefault(partner.code(), Map.of()).get(r.id());
                HeldItem held = Labels.held(r, node.self().facts().scenario(), node.self().scheme());
                boolean consent = node.self().store().read(h -> trisec.node.consent.Consents.granted(h, r.id(),
                        partner).isPresent());
                ReleaseDecision d = node.self().facts().policy().decide(new ReleaseRequest(held.item().label(), KOR,
                        partner, now, consent));
                if (d.permitted() && d.route().size() == 2 && release != null) {
                    expected.add(r.id());
                    // The level the partner holds its copy at, as its own node says (the reclassified item's moved).
                    levels.put(r.id(), cluster.node(partner).self().store().read(h -> Items.byId(h, r.id()))
                            .orElseThrow().heldLevel());
                } else if (d.permitted() && release == null) {
                    permittedNotReleased++;
                }
            }
            var served = new TreeSet<String>();
            Map<String, String> itemOf = itemOfObject();
            for (String c : cols.values()) {
                List<JsonNode> objects = all(p -> partner(partner, p), c, "", 4);
                var markings = new HashMap<String, JsonNode>();
                objects.stream().filter(o -> o.has("extensions")).forEach(o -> markings.put(o.get("id").asText(), o));
                for (JsonNode o : objects) {
                    assertThat(schemas.problems(o)).isEmpty();
                    String item = itemOf.get(o.get("id").asText());
                    if (item != null) {
                        served.add(item);
                        JsonNode label = markings.get(o.get("object_marking_refs").get(0).asText())
                                .at("/extensions/" + TrisecMarking.EXTENSION_ID);
                        assertThat(label.get("recipient").asText()).isEqualTo(partner.code());
                        assertThat(label.get("recipient_level").asText()).isEqualTo(levels.get(item));
                    }
                }
            }
            assertThat(served).as(partner.code()).isEqualTo(expected).isNotEmpty().doesNotContain(option, retracted);
            if (partner.equals(JPN)) {
                assertThat(served).contains(reclassified);
            }
        }
        // Items a release would be permitted for but that none took there are not served: a pull is no release.
        assertThat(permittedNotReleased).isPositive();
        // A partner's signature is checked: another node's key does not pass for it.
        String path = ROOT + "collections/";
        String forged = NodeAuth.header(cluster.keys(USA), "GET", path).replace("USA", "JPN");
        assertThat(kor.raw(forged, HttpRequest.newBuilder(kor.base().resolve(path)).GET()).status()).isEqualTo(401);
    }

    @Test
    void aGuestGetsNothingAndNothingBetraysWhatThereIs() {
        String dprk = collections("kor.guest").get("Topic dprk");
        String known = all(p -> taxii(kor, "kor.officer", p), dprk, "&match%5Btype%5D=report", 50).getFirst()
                .get("id").asText();
        String unknown = StixIds.id("report", "item", java.util.UUID.randomUUID().toString());
        for (String c : collections("kor.guest").values()) {
            String base = ROOT + "collections/" + c + "/";
            for (String path : List.of(base + "objects/", base + "manifest/", base + "objects/?limit=1",
                    base + "manifest/?match%5Btype%5D=report")) {
                Client.Response r = taxii(kor, "kor.guest", path);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("{\"more\":false}");
                assertThat(r.raw().headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("x-taxii"));
            }
            for (String tail : List.of("/", "/versions/")) {
                Client.Response seen = taxii(kor, "kor.guest", base + "objects/" + known + tail);
                Client.Response none = taxii(kor, "kor.guest", base + "objects/" + unknown + tail);
                assertThat(seen.status()).isEqualTo(404);
                assertThat(seen.body().replace(known, "ID")).isEqualTo(none.body().replace(unknown, "ID"));
            }
        }
    }

    @Test
    void everyItemServedIsReadOnRecordWithoutItsContent() {
        String dprk = collections("kor.analyst").get("Topic dprk");
        Set<String> served = itemsServed(p -> taxii(kor, "kor.analyst", p), dprk, 50);
        assertThat(served).isNotEmpty();
        cluster.node(KOR).integrateNow();
        var read = new HashSet<String>();
        long from = 0;
        while (true) {
            JsonNode page = kor.get("kor.auditor", "/api/v1/log/entries?from=" + from + "&limit=1000").json();
            for (JsonNode e : page.get("entries")) {
                JsonNode entry = e.get("entry");
                assertThat(entry.toString()).doesNotContain("seeded ").doesNotContain("content ");
                if (entry.path("type").asText().equals("ITEM_READ") && entry.path("via").asText().equals("taxii")
                        && entry.path("actor").asText().equals("kor.analyst")) {
                    read.add(entry.get("item").asText());
                }
            }
            if (page.get("entries").size() < 1000) {
                break;
            }
            from += 1000;
        }
        assertThat(read).containsAll(served);
    }

    @Test
    void aRequestNeedsOneConnectionAtATimeSoAFullPoolCannotStallItself() throws Exception {
        String dprk = collections("kor.officer").get("Topic dprk");
        String objects = ROOT + "collections/" + dprk + "/objects/";
        taxii(kor, "kor.officer", objects);
        // All the store's connections but one taken, as by other requests in the middle of serving: a request that
        // held one connection while asking for a second would wait until the pool gave up on it.
        var held = new java.util.concurrent.CountDownLatch(9);
        var release = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 9; i++) {
                pool.submit(() -> cluster.node(KOR).self().store().read(h -> {
                    held.countDown();
                    release.await();
                    return null;
                }));
            }
            held.await();
            try {
                Client.Response r = taxii(kor, "kor.officer", objects);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.json().get("objects")).isNotEmpty();
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void pagesLoseNothingAndRepeatNothingWhileItemsAreAdded() throws Exception {
        TaxiiPaging.whileWriting(kor, collections("kor.officer").get("Topic dprk"));
    }

    @Test
    void thePartnersAnswerIsSignedForItsRequestAndAChangedBodyOrStatusFails() {
        String dprk = collections("kor.officer").get("Topic dprk");
        var kors = cluster.node(KOR).identity();
        // An answer with objects, and a refusal (no such object): both are the node's answer to that request.
        for (String path : List.of(ROOT + "collections/" + dprk + "/objects/?limit=2",
                ROOT + "collections/" + dprk + "/objects/indicator--0b5f5e2e-6b8c-4cf6-9a43-2a0c3e9f4b11/")) {
            String auth = NodeAuth.header(cluster.keys(JPN), "GET", path);
            Client.Response r = kor.raw(auth, HttpRequest.newBuilder(kor.base().resolve(path)).GET()
                    .header("Accept", MEDIA));
            assertThat(r.status()).isIn(200, 404);
            String signature = r.raw().headers().firstValue(NodeAuth.ANSWER_HEADER).orElseThrow();
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            assertThat(NodeAuth.verifyAnswer(kors, signature, auth, "GET", path, r.status(), body)).isTrue();
            assertThat(NodeAuth.verifyAnswer(kors, signature, auth, "GET", path, r.status() == 200 ? 404 : 200, body))
                    .as("another status").isFalse();
            byte[] changed = (r.body() + " ").getBytes(StandardCharsets.UTF_8);
            assertThat(NodeAuth.verifyAnswer(kors, signature, auth, "GET", path, r.status(), changed))
                    .as("another body").isFalse();
            assertThat(NodeAuth.verifyAnswer(kors, signature, NodeAuth.header(cluster.keys(JPN), "GET", path), "GET",
                    path, r.status(), body)).as("the answer to another request").isFalse();
            assertThat(NodeAuth.verifyAnswer(cluster.node(USA).identity(), signature, auth, "GET", path, r.status(),
                    body)).as("another node's key").isFalse();
        }
        // A person's answer, and a request whose signature did not verify, answer no partner: nothing is signed.
        assertThat(taxii(kor, "kor.officer", ROOT).raw().headers().firstValue(NodeAuth.ANSWER_HEADER)).isEmpty();
        Client.Response forged = kor.raw(NodeAuth.header(cluster.keys(JPN), "GET", ROOT + "x"),
                HttpRequest.newBuilder(kor.base().resolve(ROOT)).GET().header("Accept", MEDIA));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.raw().headers().firstValue(NodeAuth.ANSWER_HEADER)).isEmpty();
    }

    @Test
    void aSignedRequestIsTakenOnceAndAFreshOneAgain() {
        String path = ROOT + "collections/";
        String auth = NodeAuth.header(cluster.keys(JPN), "GET", path);
        Client.Response first = kor.raw(auth, HttpRequest.newBuilder(kor.base().resolve(path)).GET()
                .header("Accept", MEDIA));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        // The same header again, as one who captured it would send it: refused, and the answer is signed for no one.
        Client.Response replayed = kor.raw(auth, HttpRequest.newBuilder(kor.base().resolve(path)).GET()
                .header("Accept", MEDIA));
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(401);
        assertThat(replayed.raw().headers().firstValue(NodeAuth.ANSWER_HEADER)).isEmpty();
        // The partner's next request, signed anew for the same path, is taken.
        assertThat(partner(JPN, path).status()).isEqualTo(200);
        assertThat(partner(JPN, path).status()).isEqualTo(200);
    }
}
