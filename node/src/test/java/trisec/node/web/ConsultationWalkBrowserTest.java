package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.web.DemoBrowser.JPN;
import static trisec.node.web.DemoBrowser.KOR;
import static trisec.node.web.DemoBrowser.USA;
import static trisec.node.web.DemoBrowser.bannerTop;
import static trisec.node.web.DemoBrowser.shot;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import trisec.consult.Channel;
import trisec.consult.Rotation;
import trisec.party.Party;
import trisec.scenario.file.ScenarioFiles;

/**
 * The consultation mechanism as a newcomer walks it on what {@code trisec demo} runs, today, in a real browser:
 * the channels' health on 2019-10-01 (the dormant ones flagged) and on 2024-12-01; a defense ministers' meeting
 * planned with the host the rotation gives; a joint statement in Korean, Japanese and English drafted out of it and
 * signed by the three nodes' disclosure officials, adopted on every node; a Commitment-to-Consult consultation opened
 * from an item's page, which Japan and the United States acknowledge from the notice every page of theirs shows; and
 * a track 1.5 participant who sees the channel's unclassified meeting and paper and nothing classified. Pages only:
 * no API call drives the walk. Screenshots go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsultationWalkBrowserTest {
    static final String SUBJECT = "Launch assessment for the consultation walk";
    static final String STATEMENT = "Joint statement of the defense ministers, walk";
    static final String CLASSIFIED_PAPER = "Officials' brief on the walk";
    static final String OPEN_PAPER = "Discussion paper on the walk";
    static final java.util.Map<Party, String> ENGLISH_NAMES = java.util.Map.of(KOR, "Korea", JPN, "Japan", USA,
            "United States");
    static final java.util.Map<Party, String> JAPANESE_NAMES = java.util.Map.of(KOR, "韓国", JPN, "日本", USA, "米国");

    private DemoBrowser demo;
    private String ministersMeeting;
    private String statement;
    private String subjectItem;

    @BeforeAll
    void start() throws Exception {
        demo = DemoBrowser.start(Optional.empty());
    }

    @AfterAll
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    private static String login(Party p, String role) {
        return p.code().toLowerCase(java.util.Locale.ROOT) + "." + role;
    }

    /** Reloads {@code page} at {@code path} until {@code selector} is there (a partner's copy takes a moment). */
    private void reloadUntil(Page page, Party p, String path, Supplier<Boolean> there) {
        for (int i = 0; i < 120; i++) {
            page.navigate(demo.url(p, path));
            if (there.get()) {
                return;
            }
            page.waitForTimeout(250);
        }
        throw new AssertionError("not shown at " + p + " " + path + ":\n" + page.content());
    }

    @Test
    @Order(1)
    void theChannelsHealthOn2019FlagsTheDormantOnesAnd2024ShowsWhoHosts() {
        Page page = demo.signIn(KOR, "kor.officer", "en-US");
        page.navigate(demo.url(KOR, "/ui/dialogue?at=2019-10-01"));
        assertThat(page.locator("tr[data-channel=vice-foreign-ministers]").getAttribute("data-status"))
                .isEqualTo("DORMANT");
        assertThat(page.locator("[data-testid=dialogue-alert] li[data-channel=vice-foreign-ministers]").count())
                .isEqualTo(1);
        assertThat(page.locator("tr[data-channel=defense-trilateral-talks]").getAttribute("data-status"))
                .isEqualTo("MET");
        assertThat(page.locator("figure[data-testid=dialogue-timeline] svg").count()).isEqualTo(1);
        shot(page, "walk-01-dialogue-2019");
        page.navigate(demo.url(KOR, "/ui/dialogue?at=2024-12-01"));
        Locator ministers = page.locator("tr[data-channel=defense-ministers]");
        assertThat(ministers.getAttribute("data-status")).isEqualTo("MET");
        assertThat(ministers.locator("td").nth(4).innerText()).contains("Japan");
        assertThat(page.locator("[data-testid=dialogue-alert] li[data-channel=defense-ministers]").count()).isZero();
        shot(page, "walk-02-dialogue-2024");
        page.context().close();
    }

    @Test
    @Order(2)
    void anOfficerPlansADefenseMinistersMeetingAndTheRotationGivesTheHost() throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(45);
        Channel channel = ScenarioFiles.shipped().channels().stream().filter(c -> c.id().equals("defense-ministers"))
                .findFirst().orElseThrow();
        Party host = Rotation.hostOn(channel, day).orElseThrow();
        Page page = demo.signIn(KOR, "kor.officer", "en-US");
        page.navigate(demo.url(KOR, "/ui/meetings"));
        page.locator("#channel").selectOption("defense-ministers");
        page.locator("#start").fill(day.toString());
        page.locator("#place").fill("Walk city");
        page.locator("#agenda").fill("security: Sharing missile warning data\nother: Next meeting");
        page.locator("#plan button[type=submit]").click();
        page.waitForURL("**/ui/meetings/*");
        ministersMeeting = page.url().substring(page.url().lastIndexOf('/') + 1);
        assertThat(page.locator("[data-testid=host]").innerText()).isEqualTo(ENGLISH_NAMES.get(host));
        assertThat(page.locator("[data-testid=agenda]").innerText()).contains("Sharing missile warning data");
        shot(page, "walk-03-meeting-planned");
        // The partners have the record at once, by the demo's standing authority for unclassified records.
        Page japan = demo.signIn(JPN, "jpn.officer", "ja-JP");
        reloadUntil(japan, JPN, "/ui/meetings/" + ministersMeeting,
                () -> japan.locator("[data-testid=host]").count() == 1);
        assertThat(japan.locator("[data-testid=host]").innerText()).isEqualTo(JAPANESE_NAMES.get(host));
        page.context().close();
        japan.context().close();
    }

    @Test
    @Order(3)
    void aTrilingualJointStatementSignedByTheThreeNodesIsAdoptedOnEach() throws Exception {
        Page officer = demo.signIn(KOR, "kor.officer", "ko-KR");
        officer.navigate(demo.url(KOR, "/ui/meetings/" + ministersMeeting));
        officer.locator("[data-testid=draft-statement]").click();
        assertThat(officer.locator("#channel").inputValue()).isEqualTo("defense-ministers");
        assertThat(officer.locator("#meeting").inputValue()).isEqualTo(ministersMeeting);
        officer.locator("#title").fill(STATEMENT);
        officer.locator("#ko").fill("한미일 국방장관은 미사일 경보 정보 공유를 환영했다.");
        officer.locator("#ja").fill("日米韓防衛相は、ミサイル警戒情報の共有を歓迎した。");
        officer.locator("#en").fill("The defense ministers welcomed the sharing of missile warning data.");
        officer.locator("#new-statement button[type=submit]").click();
        officer.waitForURL("**/ui/statements/*");
        String path = new java.net.URI(officer.url()).getPath();
        statement = path.substring(path.lastIndexOf('/') + 1);
        assertThat(officer.locator("[data-testid=texts] section[lang=ja]").innerText()).contains("日米韓防衛相");
        officer.context().close();
        for (Party p : List.of(KOR, JPN, USA)) {
            Page disclosure = demo.signIn(p, login(p, "disclosure"), p.equals(JPN) ? "ja-JP" : "en-US");
            reloadUntil(disclosure, p, "/ui/statements/" + statement,
                    () -> disclosure.locator("form[action$='/sign'] button").count() == 1);
            disclosure.locator("form[action$='/sign'] button").click();
            disclosure.waitForURL("**/ui/statements/" + statement + "?done=*");
            disclosure.context().close();
        }
        for (Party p : List.of(KOR, JPN, USA)) {
            Page reader = demo.signIn(p, login(p, "analyst"), "en-US");
            reloadUntil(reader, p, "/ui/statements/" + statement,
                    () -> reader.locator("[data-testid=adopted]").count() == 1);
            assertThat(reader.locator("[data-testid=signatures] tbody tr").count()).isEqualTo(3);
            assertThat(reader.locator("[data-testid=signatures]").innerText()).doesNotContain("No");
            shot(reader, "walk-04-statement-adopted-" + p.code());
            // The signed document, downloaded from the page with the page's session, verifies offline against the
            // three nodes' keys.
            var download = reader.waitForDownload(() -> reader.locator("[data-testid=document]").click());
            var document = trisec.node.base.Json.MAPPER.readValue(java.nio.file.Files.readString(download.path()),
                    trisec.node.consult.StatementDocument.class);
            var keys = new java.util.LinkedHashMap<Party, trisec.envelope.PublicIdentity>();
            for (Party q : List.of(KOR, JPN, USA)) {
                keys.put(q, demo.demo().node(q).identity());
            }
            assertThat(document.problems(keys)).isEmpty();
            assertThat(document.texts().ja()).contains("日米韓防衛相");
            reader.context().close();
        }
    }

    @Test
    @Order(4)
    void aConsultationOpenedFromAnItemsPageIsAcknowledgedByTheOtherTwo() throws Exception {
        Page officer = demo.signIn(KOR, "kor.officer", "en-US");
        officer.navigate(demo.url(KOR, "/ui/compose"));
        officer.locator("#title").fill(SUBJECT);
        officer.locator("#level").selectOption("군사Ⅱ급비밀");
        officer.locator("#topic").fill("dprk.missile");
        officer.locator("#body").fill("Assessment of the launch the parties consult on.");
        officer.locator("#compose button[type=submit]").click();
        officer.waitForURL("**/ui/items/*");
        String itemPath = new java.net.URI(officer.url()).getPath();
        subjectItem = itemPath.substring(itemPath.lastIndexOf('/') + 1);
        officer.locator("[data-testid=consult-on-item]").click();
        officer.waitForURL("**/ui/consultations?subject=*");
        officer.locator("[data-testid=open-consultation] button[type=submit]").click();
        officer.waitForURL("**/ui/consultations/*");
        String room = new java.net.URI(officer.url()).getPath();
        assertThat(officer.locator("[data-testid=subject]").innerText()).contains(SUBJECT);
        shot(officer, "walk-05-consultation-opened");

        for (Party p : List.of(JPN, USA)) {
            Page watch = demo.signIn(p, login(p, "officer"), p.equals(JPN) ? "ja-JP" : "en-US");
            // Every page of theirs says a consultation awaits their acknowledgement, and links to the room.
            reloadUntil(watch, p, "/ui", () -> watch.locator("[data-testid=consultation-notice]").count() == 1);
            watch.locator("[data-testid=consultation-notice] a[href='" + room + "']").click();
            watch.waitForURL("**" + room);
            assertThat(watch.content()).doesNotContain(SUBJECT);
            watch.locator("[data-testid=acknowledge] button").click();
            watch.waitForURL("**" + room + "*");
            assertThat(watch.locator("[data-testid=acknowledge]").count()).isZero();
            watch.navigate(demo.url(p, "/ui"));
            assertThat(watch.locator("[data-testid=consultation-notice]").count()).isZero();
            watch.context().close();
        }
        reloadUntil(officer, KOR, room, () -> officer.locator("[data-testid=parties] tr[data-party=JPN]").innerText()
                .contains("acknowledged") && officer.locator("[data-testid=parties] tr[data-party=USA]").innerText()
                .contains("acknowledged"));
        shot(officer, "walk-06-consultation-acknowledged");
        officer.context().close();
    }

    @Test
    @Order(5)
    void aTrackOneAndAHalfParticipantSeesTheChannelsUnclassifiedMeetingAndNothingClassified() throws Exception {
        Page officer = demo.signIn(KOR, "kor.officer", "en-US");
        officer.navigate(demo.url(KOR, "/ui/meetings"));
        officer.locator("#channel").selectOption("track-1-5");
        officer.locator("#start").fill(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        officer.locator("#place").fill("Walk institute");
        officer.locator("#agenda").fill("security: Deterrence and dialogue");
        officer.locator("#plan button[type=submit]").click();
        officer.waitForURL("**/ui/meetings/*");
        String meeting = new java.net.URI(officer.url()).getPath();
        attach(officer, OPEN_PAPER, "UNCLASSIFIED");
        attach(officer, CLASSIFIED_PAPER, "군사Ⅱ급비밀");
        assertThat(officer.content()).contains(OPEN_PAPER).contains(CLASSIFIED_PAPER);
        officer.context().close();

        Page participant = demo.signIn(KOR, "kor.participant", "en-US");
        assertThat(participant.url()).endsWith("/ui/meetings");
        String list = participant.content();
        assertThat(list).contains(meeting).doesNotContain(ministersMeeting);
        participant.navigate(demo.url(KOR, meeting));
        assertThat(participant.content()).contains(OPEN_PAPER).doesNotContain(CLASSIFIED_PAPER)
                .doesNotContain("군사Ⅱ급비밀").doesNotContain("SECRET");
        assertThat(bannerTop(participant)).startsWith("UNCLASSIFIED");
        shot(participant, "walk-07-participant-meeting");
        // Nothing else of the node: the statement of another channel, the consultations, the items.
        participant.navigate(demo.url(KOR, "/ui/statements"));
        assertThat(participant.content()).doesNotContain(STATEMENT);
        for (String path : List.of("/ui/consultations", "/ui/items/" + subjectItem, "/ui/warnings")) {
            var answer = participant.navigate(demo.url(KOR, path));
            assertThat(answer.status()).as(path).isEqualTo(403);
            assertThat(participant.content()).as(path).doesNotContain(SUBJECT).doesNotContain(CLASSIFIED_PAPER)
                    .doesNotContain("consultation-notice");
        }
        participant.context().close();
    }

    private static void attach(Page page, String title, String level) {
        page.locator("#a-title").fill(title);
        page.locator("#a-level").selectOption(level);
        page.locator("#a-text").fill("Text of " + title);
        page.locator("#annex button[type=submit]").click();
        page.locator("[data-testid=annex]", new Page.LocatorOptions().setHasText(title)).first()
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(30_000));
    }
}
