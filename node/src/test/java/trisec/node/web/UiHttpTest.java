package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Cluster;
import trisec.scenario.file.ScenarioFiles;

/**
 * The web UI's security at the HTTP level, where a browser's conveniences cannot hide a mistake: sign-in,
 * cookie flags, form tokens, headers, escaping, refusals and the language of each answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UiHttpTest {

    private Cluster cluster;
    private URI base;

    @BeforeAll
    void start() {
        cluster = Cluster.start(List.of(Cluster.KOR), ScenarioFiles.shipped(), Optional.empty(), c -> c);
        base = cluster.client(Cluster.KOR).base();
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private WebTab tab(String language) {
        return new WebTab(base, language);
    }

    private int itemCount() {
        return cluster.client(Cluster.KOR).get("kor.officer", "/api/v1/items").json().get("items").size();
    }

    private Map<String, List<String>> composeForm(String csrf, String title) {
        var form = new LinkedHashMap<String, List<String>>();
        if (csrf != null) {
            form.put("csrf", List.of(csrf));
        }
        form.put("title", List.of(title));
        form.put("body", List.of("Trajectory notes"));
        form.put("level", List.of("군사Ⅲ급비밀"));
        form.put("topic", List.of("dprk.missile"));
        form.put("relTo", List.of("USA", "JPN"));
        return form;
    }

    @Test
    void pagesSendAStrangerToTheSignInPage() {
        var tab = tab("en");
        for (String path : List.of("/ui", "/ui/compose", "/ui/agreements", "/ui/admin", "/ui/items/x")) {
            var r = tab.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).as(path).hasValue("/ui/login");
        }
        // What a page fetches in the background gets a plain 401, not a sign-in page to render.
        assertThat(tab.get("/ui/fragments/inbox").statusCode()).isEqualTo(401);
        assertThat(tab.get("/ui/banner?level=SECRET").statusCode()).isEqualTo(401);
    }

    @Test
    void aForgedSessionCookieIsNoSession() {
        var tab = tab("en");
        tab.cookies.put(WebSession.sessionCookie("KOR"), "forged-token");
        assertThat(tab.get("/ui").statusCode()).isEqualTo(302);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() {
        var tab = tab("en");
        String token = WebTab.csrf(tab.get("/ui/login").body());
        var r = tab.post("/ui/login", Map.of("csrf", List.of(token), "username", List.of("kor.analyst"),
                "password", List.of("demo")));
        String cookie = r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(WebSession.sessionCookie("KOR") + "=")).findFirst().orElseThrow();
        assertThat(cookie.toLowerCase()).contains("httponly").contains("samesite=strict").contains("path=/");
        // Plain HTTP, as the demo runs: a Secure cookie would never come back.
        assertThat(cookie.toLowerCase()).doesNotContain("secure;").doesNotEndWith("secure");
        assertThat(tab.get("/ui").statusCode()).isEqualTo(200);
    }

    /** Behind a proxy that terminates TLS the node speaks HTTP, but its cookies must still be Secure. */
    @Test
    void aNodeBehindATlsProxyMarksEveryCookieSecure() {
        try (Cluster proxied = Cluster.start(List.of(Cluster.KOR), ScenarioFiles.shipped(), Optional.empty(),
                c -> c.toBuilder().secureCookies(true).build())) {
            var tab = new WebTab(proxied.client(Cluster.KOR).base(), "en");
            var form = tab.get("/ui/login");
            var r = tab.post("/ui/login", Map.of("csrf", List.of(WebTab.csrf(form.body())),
                    "username", List.of("kor.analyst"), "password", List.of("demo")));
            assertThat(r.statusCode()).isEqualTo(302);
            var cookies = new java.util.ArrayList<>(form.headers().allValues("Set-Cookie"));
            cookies.addAll(r.headers().allValues("Set-Cookie"));
            var lang = tab.submit("/ui/lang", Map.of("lang", List.of("ja"), "back", List.of("/ui")));
            cookies.addAll(lang.headers().allValues("Set-Cookie"));
            assertThat(cookies).extracting(c -> c.substring(0, c.indexOf('=')))
                    .contains(WebSession.loginCookie("KOR"), WebSession.sessionCookie("KOR"), Lang.COOKIE);
            assertThat(cookies).allSatisfy(c -> assertThat(c.toLowerCase()).contains("; secure"));
        }
    }

    @Test
    void aSignInWithoutTheFormTokenOpensNoSession() {
        var tab = tab("en");
        tab.get("/ui/login");
        var r = tab.post("/ui/login", Map.of("csrf", List.of("guessed"), "username", List.of("kor.analyst"),
                "password", List.of("demo")));
        assertThat(r.headers().firstValue("Location")).hasValue("/ui/login");
        assertThat(tab.cookies).doesNotContainKey(WebSession.sessionCookie("KOR"));
    }

    @Test
    void aWrongPasswordSaysSoInTheViewersLanguage() {
        var tab = tab("ja");
        String token = WebTab.csrf(tab.get("/ui/login").body());
        var r = tab.post("/ui/login", Map.of("csrf", List.of(token), "username", List.of("kor.guest"),
                "password", List.of("wrong")));
        assertThat(r.headers().firstValue("Location")).hasValue("/ui/login?failed=yes");
        assertThat(tab.cookies).doesNotContainKey(WebSession.sessionCookie("KOR"));
        String page = tab.get("/ui/login?failed=yes").body();
        assertThat(page).contains("lang=\"ja\"").contains(new Texts(Lang.JA).t("login.failed"));
    }

    @Test
    void aPasswordTypedAsTheUsernameNeverReachesTheAuditLog() {
        var tab = tab("en");
        String typed = "Correct-Horse-" + java.util.UUID.randomUUID();
        tab.post("/ui/login", Map.of("csrf", List.of(WebTab.csrf(tab.get("/ui/login").body())),
                "username", List.of(typed), "password", List.of("demo")));
        var client = cluster.client(Cluster.KOR);
        Cluster.eventually(() -> client.get("kor.auditor", "/api/v1/log/entries?limit=1000").body()
                .contains("unknown username"), "the failed sign-in is in the log");
        String log = client.get("kor.auditor", "/api/v1/log/entries?limit=1000").body();
        assertThat(log).doesNotContain(typed).doesNotContain("Correct-Horse").contains("\"typed\"");
    }

    @Test
    void aFormPostedWithoutItsTokenIsRefusedAndChangesNothing() {
        var tab = tab("ko").signIn("kor.officer");
        int before = itemCount();
        var missing = tab.post("/ui/compose", composeForm(null, "No token"));
        var wrong = tab.post("/ui/compose", composeForm("A".repeat(32), "Wrong token"));
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("lang=\"ko\"").contains(new Texts(Lang.KO).t("error.csrf"));
        assertThat(itemCount()).isEqualTo(before);
        // The same form with the session's token goes through.
        var ok = tab.post("/ui/compose", composeForm(tab.formToken(), "With token"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/ui/items/"));
        assertThat(itemCount()).isEqualTo(before + 1);
    }

    @Test
    void anotherSessionsTokenDoesNotOpenThisSessionsForms() {
        var mine = tab("en").signIn("kor.officer");
        var other = tab("en").signIn("kor.officer");
        int before = itemCount();
        var r = mine.post("/ui/compose", composeForm(other.formToken(), "Cross-session token"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(itemCount()).isEqualTo(before);
    }

    @Test
    void everyPageCarriesAStrictContentSecurityPolicyAndIsNeverFramed() {
        var tab = tab("en").signIn("kor.admin");
        for (String path : List.of("/ui/login", "/ui", "/ui/agreements", "/ui/me", "/ui/admin")) {
            var r = tab.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).as(path).contains("default-src 'none'").contains("frame-ancestors 'none'")
                    .contains("form-action 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval")
                    .doesNotContain("http:").doesNotContain("https:");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            // No script or style is written into the page itself, and nothing is fetched from elsewhere.
            assertThat(r.body()).as(path).doesNotContain("<script>").doesNotContain("style=\"")
                    .doesNotContainPattern("(src|href)=\"(https?:)?//");
        }
    }

    @Test
    void whatAPersonTypesIsEscapedWhereverItIsShown() {
        var tab = tab("en").signIn("kor.officer");
        String title = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        var r = tab.post("/ui/compose", composeForm(tab.formToken(), title));
        String item = r.headers().firstValue("Location").orElseThrow();
        for (String page : List.of(tab.get(item).body(), tab.get("/ui").body())) {
            assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    @Test
    void aPersonWithoutClearanceGets403WithReasonsInTheirLanguageAndNoContent() {
        var officer = tab("en").signIn("kor.officer");
        String secret = "Silo coordinates 7731";
        var r = officer.post("/ui/compose", Map.of("csrf", List.of(officer.formToken()), "title", List.of(secret),
                "body", List.of("Body 7731"), "level", List.of("군사Ⅱ급비밀"), "topic", List.of("dprk.missile"),
                "relTo", List.of("JPN")));
        String item = r.headers().firstValue("Location").orElseThrow();

        for (String lang : List.of("ko", "ja", "en")) {
            var guest = tab(lang).signIn("kor.guest");
            var page = guest.get(item);
            assertThat(page.statusCode()).as(lang).isEqualTo(403);
            Texts t = new Texts(Lang.of(lang).orElseThrow());
            assertThat(page.body()).as(lang).contains("lang=\"" + lang + "\"").contains(t.t("error.403"))
                    .doesNotContain("7731");
        }
        // The item's own proof page is refused to the guest as well.
        assertThat(tab("en").signIn("kor.guest").get(item + "/proof").statusCode()).isEqualTo(403);
    }

    @Test
    void onlyAnAdminSeesTheAdminPage() {
        var r = tab("ko").signIn("kor.analyst").get("/ui/admin");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("lang=\"ko\"").doesNotContain("kor.auditor");
        assertThat(tab("ko").signIn("kor.admin").get("/ui/admin").body()).contains("kor.auditor");
    }

    @Test
    void theLanguageCookieWinsOverTheBrowserAndRedirectsOnlyWithinTheUi() {
        var tab = tab("en").signIn("kor.analyst");
        assertThat(tab.post("/ui/lang", Map.of("lang", List.of("ja"), "back", List.of("/ui"))).statusCode())
                .as("signed in, the switch needs the form token").isEqualTo(403);
        assertThat(tab.get("/ui").body()).contains("lang=\"en\"");
        var r = tab.submit("/ui/lang", Map.of("lang", List.of("ja"), "back", List.of("//evil.example/ui")));
        assertThat(r.headers().firstValue("Location")).hasValue("/ui");
        assertThat(tab.get("/ui").body()).contains("lang=\"ja\"");
        var r2 = tab.submit("/ui/lang", Map.of("lang", List.of("ko"), "back", List.of("/ui/agreements")));
        assertThat(r2.headers().firstValue("Location")).hasValue("/ui/agreements");
        assertThat(tab.get("/ui/agreements").body()).contains("lang=\"ko\"");
    }

    @Test
    void theAgreementsPageRefusesADateThatIsNotOneInTheViewersLanguage() {
        var r = tab("ja").signIn("kor.analyst").get("/ui/agreements?at=2019-13-01");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("lang=\"ja\"").contains(new Texts(Lang.JA).t("agreements.badDate", "2019-13-01"));
    }

    @Test
    void theTimelineNamesThe2019NoticeAndItsSuspensionBesideTheirMarks() {
        String page = tab("en").signIn("kor.analyst").get("/ui/agreements?at=2019-09-01").body();
        // Two sections; in the second, the GSOMIA's notice and suspension carry their names and dates.
        assertThat(page.split("class=\"section\"", -1)).hasSize(3);
        String detail = page.substring(page.lastIndexOf("data-agreement=\"kor-jpn-gsomia-2016\""));
        detail = detail.substring(0, detail.indexOf("</g>\n      </g>") > 0 ? detail.indexOf("</g>\n      </g>") : detail.length());
        assertThat(detail).containsPattern("class=\"ev-label\"[^>]*>Termination notice [^<]*2019<")
                .containsPattern("class=\"ev-label\"[^>]*>Notice suspended [^<]*2019<")
                .contains("class=\"bar-pending\"").contains("class=\"bar-suspended\"");
        // The names of the notice and its suspension, three months apart, are not drawn on the same line.
        Matcher ys = Pattern.compile("class=\"ev-label\" x=\"[^\"]+\" y=\"([^\"]+)\"[^>]*>(Termination notice|Notice suspended)")
                .matcher(detail);
        var lines = new java.util.HashMap<String, String>();
        while (ys.find()) {
            lines.put(ys.group(2), ys.group(1));
        }
        assertThat(lines).containsKeys("Termination notice", "Notice suspended");
        assertThat(lines.get("Termination notice")).isNotEqualTo(lines.get("Notice suspended"));
    }

    @Test
    void aPathNothingServesIsTheNodesOwnNotFoundEvenForABrowser() {
        var r = cluster.client(Cluster.KOR).raw(null, java.net.http.HttpRequest.newBuilder(base.resolve("/no/such/path"))
                .header("Accept", "text/html,application/xhtml+xml").GET());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).contains("\"error\":\"NOT_FOUND\"");
    }

    @Test
    void anUnknownItemIsAPageInTheViewersLanguage() {
        var tab = tab("ja").signIn("kor.analyst");
        var r = tab.get("/ui/items/00000000-0000-0000-0000-000000000000");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.body()).contains(new Texts(Lang.JA).t("error.404"));
    }

    /** The item page links its interchange forms, which the page's session downloads as the API gives them. */
    @Test
    void theItemPageOffersItsStixBundleAndItsLabelBinding() {
        var officer = tab("ko").signIn("kor.officer");
        String item = officer.post("/ui/compose", composeForm(officer.formToken(), "For other systems"))
                .headers().firstValue("Location").orElseThrow();
        String page = officer.get(item).body();
        assertThat(page).contains("href=\"" + item + "/stix\"", "href=\"" + item + "/binding\"")
                .contains(new Texts(Lang.KO).t("item.stix"));

        var stix = officer.get(item + "/stix");
        assertThat(stix.statusCode()).isEqualTo(200);
        assertThat(stix.headers().firstValue("Content-Type")).hasValue(trisec.interop.StixExport.MEDIA_TYPE);
        assertThat(stix.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .startsWith("attachment").endsWith(".stix.json\""));
        assertThat(stix.body()).startsWith("{\"type\":\"bundle\"").contains("For other systems");
        var binding = officer.get(item + "/binding");
        assertThat(binding.statusCode()).isEqualTo(200);
        assertThat(binding.headers().firstValue("Content-Type")).hasValue(trisec.interop.LabelBinding.MEDIA_TYPE);
        assertThat(binding.body()).contains("urn:trisec:binding:item:1");
        // Whoever may not read the item gets the page reading it would give, and no content.
        var guest = tab("en").signIn("kor.guest").get(item + "/stix");
        assertThat(guest.statusCode()).isEqualTo(403);
        assertThat(guest.body()).doesNotContain("Trajectory notes");
    }

    /** Retracting an item refreshes "My items" live, so the banners never drop below what the page still shows. */
    @Test
    void aRetractionRefreshesTheOwnItemsListLive() throws Exception {
        var officer = tab("en").signIn("kor.officer");
        var created = officer.post("/ui/compose", composeForm(officer.formToken(), "Soon retracted"));
        String item = created.headers().firstValue("Location").orElseThrow();
        String itemId = item.substring(item.lastIndexOf('/') + 1);
        assertThat(officer.get("/ui/fragments/items").body()).contains(itemId);

        var request = java.net.http.HttpRequest.newBuilder(base.resolve("/ui/events"))
                .header("Accept", "text/event-stream")
                .header("Cookie", WebSession.sessionCookie("KOR") + "=" + officer.cookies.get(WebSession.sessionCookie("KOR")))
                .GET().build();
        var lines = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofLines()).body().iterator();
        var received = new java.util.concurrent.LinkedBlockingQueue<String>();
        Thread.ofVirtual().start(() -> {
            try {
                lines.forEachRemaining(received::add);
            } catch (RuntimeException e) {
                // ended
            }
        });
        assertThat(received.poll(10, java.util.concurrent.TimeUnit.SECONDS)).contains("connected");

        assertThat(officer.submit(item + "/retract", Map.of()).statusCode()).isEqualTo(302);
        boolean told = false;
        for (String line; !told && (line = received.poll(10, java.util.concurrent.TimeUnit.SECONDS)) != null; ) {
            told = line.equals("data: items");
        }
        assertThat(told).as("the page is told its own items changed").isTrue();
        String fragment = officer.get("/ui/fragments/items").body();
        assertThat(fragment).doesNotContain(itemId).contains("data-page-marking");
    }

    /** The live stream tells a signed-in page what changed, and closes once that session has ended. */
    @Test
    void theLiveStreamEndsWithItsSession() throws Exception {
        var tab = tab("en").signIn("kor.analyst");
        var request = java.net.http.HttpRequest.newBuilder(base.resolve("/ui/events"))
                .header("Accept", "text/event-stream")
                .header("Cookie", WebSession.sessionCookie("KOR") + "=" + tab.cookies.get(WebSession.sessionCookie("KOR"))).GET().build();
        var lines = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofLines()).body().iterator();
        var received = new java.util.concurrent.LinkedBlockingQueue<String>();
        Thread.ofVirtual().start(() -> {
            try {
                lines.forEachRemaining(received::add);
            } catch (RuntimeException e) {
                // the stream broke off: as good as its end here
            }
            received.add("<end of stream>");
        });
        java.util.function.Function<String, Boolean> awaitLine = wanted -> {
            try {
                for (String line; (line = received.poll(10, java.util.concurrent.TimeUnit.SECONDS)) != null; ) {
                    if (line.contains(wanted)) {
                        return true;
                    }
                    if (line.equals("<end of stream>")) {
                        return false;
                    }
                }
                return false;
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        };
        var changes = cluster.node(Cluster.KOR).self().changes();
        assertThat(awaitLine.apply("connected")).isTrue();
        // Signalled again each second until it shows, for at most 30 s: on a loaded two-core machine the first
        // signal's event has been seen to take longer than a single wait allows.
        boolean told = false;
        for (int attempt = 0; attempt < 30 && !told; attempt++) {
            changes.signal(trisec.node.base.Changes.OUTBOX);
            for (String line; !told && (line = received.poll(1, java.util.concurrent.TimeUnit.SECONDS)) != null; ) {
                assertThat(line).as("the stream is still open").isNotEqualTo("<end of stream>");
                told = line.contains("data: outbox");
            }
        }
        assertThat(told).as("a change while signed in").isTrue();

        assertThat(tab.submit("/ui/logout", Map.of()).statusCode()).isEqualTo(302);
        changes.signal(trisec.node.base.Changes.INBOX);
        List<String> after = new java.util.ArrayList<>();
        for (String line; (line = received.poll(10, java.util.concurrent.TimeUnit.SECONDS)) != null
                && !line.equals("<end of stream>"); ) {
            after.add(line);
        }
        assertThat(after).as("nothing after signing out, then the end").noneMatch(l -> l.contains("inbox"))
                .contains("event: ended");
        assertThat(received).isEmpty();
    }

    @Test
    void signingOutEndsTheSessionOnTheNodeNotJustInTheBrowser() {
        var tab = tab("en").signIn("kor.analyst");
        String token = tab.cookies.get(WebSession.sessionCookie("KOR"));
        var bearer = java.net.http.HttpRequest.newBuilder(base.resolve("/api/v1/me")).GET();
        assertThat(cluster.client(Cluster.KOR).raw("Bearer " + token, bearer).status()).isEqualTo(200);
        var out = tab.submit("/ui/logout", Map.of());
        assertThat(out.headers().firstValue("Location")).hasValue("/ui/login");
        assertThat(tab.cookies).doesNotContainKey(WebSession.sessionCookie("KOR"));
        // The copied cookie is worth nothing now, in a browser or as a bearer token.
        var copy = tab("en");
        copy.cookies.put(WebSession.sessionCookie("KOR"), token);
        assertThat(copy.get("/ui").statusCode()).isEqualTo(302);
        assertThat(cluster.client(Cluster.KOR).raw("Bearer " + token,
                java.net.http.HttpRequest.newBuilder(base.resolve("/api/v1/me")).GET()).status()).isEqualTo(401);
    }

    @Test
    void aComposeThatFailsComesBackWithEveryChoiceKeptAndMarkedAtItsLevel() {
        var tab = tab("en").signIn("kor.officer");
        int before = itemCount();
        var form = new LinkedHashMap<>(composeForm(tab.formToken(), "Kept title"));
        form.put("level", List.of("군사Ⅱ급비밀"));
        form.put("topic", List.of("Not A Topic!"));
        form.put("relTo", List.of("JPN"));
        form.put("caveat", List.of("ORCON"));
        var r = tab.post("/ui/compose", form);
        assertThat(r.statusCode()).isBetween(400, 422);
        assertThat(itemCount()).isEqualTo(before);
        String page = r.body();
        assertThat(page).containsPattern("value=\"JPN\" checked").containsPattern("value=\"ORCON\" checked")
                .doesNotContainPattern("value=\"USA\" checked").doesNotContainPattern("value=\"NOFORN\" checked")
                .containsPattern("value=\"군사Ⅱ급비밀\" selected").contains("value=\"Kept title\"");
        // What it shows again is the item as typed: the banners say SECRET with its controls, in KOR's words 군사Ⅱ급비밀.
        assertThat(page).containsPattern("class=\"banner banner-s\" role=\"note\" data-testid=\"banner-top\">\\s*"
                + "<span class=\"banner-text\">SECRET//ORCON/REL TO JPN, KOR</span>\\s*"
                + "<span class=\"banner-national\">군사Ⅱ급비밀</span>");
    }

    @Test
    void anItemsHistoryShowsOthersReadsAndRefusalsToNoOneButAuditors() {
        var officer = tab("en").signIn("kor.officer");
        var created = officer.post("/ui/compose", composeForm(officer.formToken(), "History item"));
        String item = created.headers().firstValue("Location").orElseThrow();
        String itemId = item.substring(item.lastIndexOf('/') + 1);
        assertThat(tab("en").signIn("kor.guest").get(item).statusCode()).isEqualTo(403);
        var analyst = tab("en").signIn("kor.analyst");
        assertThat(analyst.get(item).statusCode()).isEqualTo(200);
        // Opening the release page (which previews a decision) is a look at the item too.
        assertThat(analyst.get(item + "/release?to=USA").statusCode()).isEqualTo(200);

        // The guest's refusal (with its reasons) and the analyst's read are in the log…
        var client = cluster.client(Cluster.KOR);
        java.util.function.Supplier<List<com.fasterxml.jackson.databind.JsonNode>> entries = () -> {
            var all = new java.util.ArrayList<com.fasterxml.jackson.databind.JsonNode>();
            client.get("kor.auditor", "/api/v1/log/entries?limit=1000").json().get("entries").forEach(all::add);
            return all.stream().filter(e -> e.toString().contains(itemId)).toList();
        };
        Cluster.eventually(() -> entries.get().stream().anyMatch(e -> e.at("/entry/actor").asText().equals("kor.guest"))
                && entries.get().stream().anyMatch(e -> e.at("/entry/actor").asText().equals("kor.analyst")
                        && e.at("/entry/type").asText().equals("DECISION")),
                "the refusal and the previewed decision are integrated into the log");
        long denied = entries.get().stream().filter(e -> e.at("/entry/actor").asText().equals("kor.guest"))
                .findFirst().orElseThrow().get("index").asLong();

        // …but the officer's view of the item's history names neither, and will not prove the refusal to them.
        String history = officer.get(item).body();
        assertThat(history).contains(new Texts(Lang.EN).t("audit.type.ITEM_CREATED"))
                .doesNotContain("kor.guest").doesNotContain("kor.analyst");
        assertThat(officer.get(item + "/proof?index=" + denied).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTheNodesOwnAssetsAreServed() {
        var tab = tab("en");
        var css = tab.get("/static/app.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(tab.get("/static/app.js").headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        for (String path : List.of("/static/nope.css", "/static/..%2Fopenapi.json", "/static/%2e%2e%2fapp.css")) {
            assertThat(tab.get(path).statusCode()).as(path).isIn(400, 404);
        }
    }
}
