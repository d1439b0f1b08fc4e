package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Cluster;
import trisec.node.federation.Messages.EventNote;
import trisec.node.federation.Messages.SignedReceipt;
import trisec.party.Party;

/**
 * An agreement event recorded at one node goes, as a signed note, to the other parties' nodes, which record it
 * too; a non-party cannot record events of an agreement it is not party to.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementEventTest {
    static final String GSOMIA = "kor-jpn-gsomia-2016";
    private Cluster c;

    @BeforeAll
    void start() {
        // A fixed instant, so that the notice below is pending whatever the day the tests run.
        c = Cluster.trilateral(Instant.parse("2026-09-01T00:00:00Z"));
    }

    @AfterAll
    void stop() {
        c.close();
    }

    private JsonNode agreement(Party p, String id) {
        var r = c.client(p).get(Fed.user(p, "analyst"), "/api/v1/agreements");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return StreamSupport.stream(r.json().get("agreements").spliterator(), false)
                .filter(a -> a.get("id").asText().equals(id)).findFirst().orElseThrow();
    }

    private JsonNode events(Party p) {
        var r = c.client(p).get(Fed.user(p, "analyst"), "/api/v1/agreements/events");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("events");
    }

    @Test
    void aTerminationNoticeRecordedByKoreaReachesJapanButNotTheUnitedStates() {
        assertThat(agreement(JPN, GSOMIA).at("/status/code").asText()).isEqualTo("IN_FORCE");
        var recorded = c.client(KOR).post("kor.admin", "/api/v1/agreements/" + GSOMIA + "/events", """
                {"type":"TERMINATION_NOTICE","date":"2026-08-01","by":"KOR","effective":"2026-11-23",
                 "note":"notice given (exercise)"}""");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String eventId = recorded.json().get("id").asText();
        assertThat(agreement(KOR, GSOMIA).at("/status/code").asText()).isEqualTo("IN_FORCE_TERMINATION_PENDING");

        Cluster.eventually(() -> events(JPN).findValuesAsText("id").contains(eventId), "JPN records the event");
        JsonNode atJpn = events(JPN).get(0);
        assertThat(atJpn.get("agreementId").asText()).isEqualTo(GSOMIA);
        assertThat(atJpn.get("type").asText()).isEqualTo("TERMINATION_NOTICE");
        assertThat(atJpn.get("date").asText()).isEqualTo("2026-08-01");
        assertThat(atJpn.get("by").asText()).isEqualTo("KOR");
        assertThat(atJpn.get("effective").asText()).isEqualTo("2026-11-23");
        assertThat(atJpn.get("recordedBy").asText()).isEqualTo("KOR");
        JsonNode status = agreement(JPN, GSOMIA).get("status");
        assertThat(status.get("code").asText()).isEqualTo("IN_FORCE_TERMINATION_PENDING");
        assertThat(status.get("terminationEffective").asText()).isEqualTo("2026-11-23");
        assertThat(agreement(JPN, GSOMIA).get("events").findValuesAsText("type")).contains("TERMINATION_NOTICE");
        // JPN decides on the same facts now: after the effective date, no direct route.
        var later = c.client(JPN).get("jpn.analyst", "/api/v1/decide?originator=KOR&level=" + enc("군사Ⅱ급비밀")
                + "&topic=dprk.missile&to=JPN&at=2026-12-01");
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        assertThat(Fed.textList(later.json().get("route"))).containsExactly("KOR", "USA", "JPN");

        // USA is no party: the note went to JPN only, and USA's view is unchanged.
        List<OutboxRow> notes = Fed.outboxRows(c.node(KOR)).stream()
                .filter(r -> r.kind().equals(Messages.EVENT_NOTE)).toList();
        assertThat(notes).extracting(OutboxRow::peer).containsExactly("JPN");
        Fed.quiet(c, KOR, JPN, USA);
        assertThat(events(USA)).isEmpty();
        assertThat(Fed.recordedEvents(c.node(USA))).isEmpty();
        assertThat(agreement(USA, GSOMIA).at("/status/code").asText()).isEqualTo("IN_FORCE");

        // The notice survives a restart of JPN's node (replayed from its store).
        c.restart(JPN, cfg -> cfg);
        assertThat(agreement(JPN, GSOMIA).at("/status/terminationEffective").asText()).isEqualTo("2026-11-23");

        // USA's admin cannot record events of an agreement USA is not party to.
        var byUsa = c.client(USA).post("usa.admin", "/api/v1/agreements/" + GSOMIA + "/events", """
                {"type":"NOTICE_WITHDRAWN","date":"2026-08-02","by":"KOR"}""");
        assertThat(byUsa.status()).as(byUsa.body()).isEqualTo(403);
    }

    @Test
    void anEventNoteFromANonPartyIsRefusedAndNothingIsRecorded() {
        Fed.quiet(c, KOR, JPN, USA);
        int recordedBefore = Fed.recordedEvents(c.node(JPN)).size();
        String statusBefore = agreement(JPN, GSOMIA).get("status").toString();
        long inboxBefore = Fed.inboxCount(c.node(JPN));

        var note = new EventNote(UUID.randomUUID().toString(), GSOMIA, "TERMINATED", "2026-08-15T00:00:00Z", "KOR",
                null, "a note USA has no standing to send");
        var envelope = Fed.seal(c.keys(USA), c.keys(JPN).identity(), Messages.EVENT_NOTE, UUID.randomUUID(),
                Postbox.UNCLASSIFIED_HEADER, note);
        var answer = Fed.post(c, JPN, Wire.encode(envelope));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        SignedReceipt receipt = Fed.signedReceipt(answer.json());
        assertThat(MessageSignatures.verifyReceipt(c.node(JPN).identity(), receipt)).isTrue();
        assertThat(receipt.receipt().outcome()).isEqualTo(Messages.REFUSED);
        assertThat(receipt.receipt().messageId()).isEqualTo(envelope.header().messageId().toString());
        assertThat(receipt.receipt().reason()).contains("USA").contains("not a party");

        assertThat(Fed.recordedEvents(c.node(JPN))).hasSize(recordedBefore);
        assertThat(Fed.recordedEvents(c.node(JPN))).noneMatch(r -> r.id().equals(note.eventId()));
        assertThat(agreement(JPN, GSOMIA).get("status").toString()).isEqualTo(statusBefore);
        // Refused, but answered once: the refusal is in the inbox so a repeat gets the same answer.
        assertThat(Fed.inboxCount(c.node(JPN))).isEqualTo(inboxBefore + 1);
        var repeat = Fed.post(c, JPN, Wire.encode(envelope));
        assertThat(repeat.status()).isEqualTo(409);
        assertThat(Fed.signedReceipt(repeat.json().get("receipt"))).isEqualTo(receipt);
    }

    @Test
    void anEventNoteFromAPartyThatMakesNoPossibleLifeIsRefused() {
        Fed.quiet(c, KOR, JPN, USA);
        int recordedBefore = Fed.recordedEvents(c.node(JPN)).size();
        String statusBefore = agreement(JPN, GSOMIA).get("status").toString();
        // Signed by KOR, party to the agreement, but dated before the agreement's last event.
        var note = new EventNote(UUID.randomUUID().toString(), GSOMIA, "TERMINATED", "2020-01-01T00:00:00Z", "KOR",
                null, "back-dated");
        var answer = Fed.post(c, JPN, Wire.encode(Fed.seal(c.keys(KOR), c.keys(JPN).identity(), Messages.EVENT_NOTE,
                UUID.randomUUID(), Postbox.UNCLASSIFIED_HEADER, note)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(Fed.signedReceipt(answer.json()).receipt().outcome()).isEqualTo(Messages.REFUSED);
        assertThat(Fed.recordedEvents(c.node(JPN))).hasSize(recordedBefore);
        assertThat(agreement(JPN, GSOMIA).get("status").toString()).isEqualTo(statusBefore);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
