package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.party.Party;
import trisec.scenario.file.LaunchCatalogueFiles;
import trisec.warning.FlightPrediction;

/**
 * Missile warnings between the three nodes (issue 11): a Korean warning on a launch of the public record, its
 * update and its close, reaching Japan and the USA by a standing authority under the mechanism (2024), or only by
 * an ordinary approved release (2017); its overflight and 200-NM flags; no trace for a person who may not read
 * it; bad input refused with nothing stored.
 */
class MissileWarningTest {
    private Cluster c;

    @AfterEach
    void stop() {
        if (c != null) {
            c.close();
        }
    }

    private Client kor() {
        return c.client(KOR);
    }

    private void authorityUnderTheMechanism() {
        Fed.secondOfficial(c, KOR);
        Fed.proposeAndApprove(c, KOR, Fed.KOREAN_WARNINGS);
    }

    /** A state of the flight modelled for a launch of the public record, at {@code at}. */
    static String state(String day, Instant at, double confidence) {
        FlightPrediction f = LaunchCatalogueFiles.shipped().on(LocalDate.parse(day)).modelledFlight();
        return String.format(Locale.ROOT, """
                {"at":"%s","launch":{"lat":%.4f,"lon":%.4f},"azimuthDeg":%.2f,"apogeeKm":%.1f,"rangeKm":%.1f,
                 "flightTimeSeconds":%d,"ellipse":{"semiMajorKm":40,"semiMinorKm":15,"orientationDeg":%.1f},
                 "confidence":%.2f,"missileType":"Hwasong"}""", at, f.launchPoint().latitude(),
                f.launchPoint().longitude(), f.azimuthDeg(), f.apogeeKm(), f.rangeKm(), f.flightTime().toSeconds(),
                f.azimuthDeg(), confidence);
    }

    private JsonNode open(String track, String day, Instant at) {
        var r = kor().post("kor.officer", "/api/v1/warnings", """
                {"track":"%s","sensor":"Green Pine","detectedAt":"%s","state":%s,"level":"군사Ⅱ급비밀"}"""
                .formatted(track, at, state(day, at, 0.6)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private List<String> entries(Party p, String type) {
        return c.node(p).auditLog().entries(0, 10_000).stream().filter(e -> e.contains("\"type\":\"" + type + "\""))
                .toList();
    }

    /**
     * An acknowledgement the hub would relay, or the originator keep, must be signed by the party it names, and
     * that party must be one the warning went to.
     */
    private void acknowledgementsThatAreNotWhatTheySayAreRefused(String itemId) {
        Instant now = Instant.now();
        var jpnKeys = c.keys(JPN);
        var korIdentity = c.node(KOR).identity();
        var usaIdentity = c.node(USA).identity();
        // Signed by Japan, but altered on the way: the track it names is another.
        var signed = MessageSignatures.signAck(jpnKeys, java.util.UUID.randomUUID().toString(), itemId, "TN-1031",
                now.toString());
        var altered = new Messages.WarningAck(signed.ackId(), signed.itemId(), "TN-9999", signed.at(), signed.by(),
                signed.signerKey(), signed.signature());
        assertThat(refusal(c.keys(USA), korIdentity, altered)).contains("not signed by JPN");
        // The USA cannot pass off an acknowledgement in Japan's name that Japan did not sign.
        var forged = MessageSignatures.signAck(c.keys(USA), java.util.UUID.randomUUID().toString(), itemId,
                "TN-1031", now.toString());
        forged = new Messages.WarningAck(forged.ackId(), forged.itemId(), forged.track(), forged.at(), "JPN",
                forged.signerKey(), forged.signature());
        assertThat(refusal(c.keys(USA), korIdentity, forged)).contains("not signed by JPN");
        // Korea acknowledging its own warning, through the hub, is refused there: the hub never sent it to Korea.
        var own = MessageSignatures.signAck(c.keys(KOR), java.util.UUID.randomUUID().toString(), itemId, "TN-1031",
                now.toString());
        assertThat(refusal(c.keys(KOR), usaIdentity, own)).contains("that this node sent to KOR");
        // Japan, signing for itself, cannot file its acknowledgement under another of Korea's tracks.
        var otherTrack = MessageSignatures.signAck(jpnKeys, java.util.UUID.randomUUID().toString(), itemId,
                "TN-0001", now.toString());
        assertThat(refusal(jpnKeys, korIdentity, otherTrack)).contains("no warning TN-0001");
        // Nor does an item it never received answer otherwise than one that does not exist.
        var unknown = MessageSignatures.signAck(jpnKeys, java.util.UUID.randomUUID().toString(),
                java.util.UUID.randomUUID().toString(), "TN-1031", now.toString());
        assertThat(refusal(jpnKeys, usaIdentity, unknown)).startsWith("no warning TN-1031 (item ")
                .endsWith("that this node sent to JPN");
        // Without a time it is refused with a reason, not answered with a server error.
        var timeless = new Messages.WarningAck(signed.ackId(), itemId, "TN-1031", null, "JPN", signed.signerKey(),
                signed.signature());
        assertThat(refusal(jpnKeys, korIdentity, timeless)).contains("time");
        assertThat(entries(KOR, "WARNING_ACKNOWLEDGED")).hasSize(2);
        assertThat(entries(USA, "WARNING_ACK_RELAYED")).hasSize(1);
    }

    private String refusal(trisec.envelope.NodeKeys sender, trisec.envelope.PublicIdentity to, Messages.WarningAck a) {
        var envelope = Fed.seal(sender, to, Messages.WARNING_ACK, java.util.UUID.randomUUID(),
                Postbox.UNCLASSIFIED_HEADER, a);
        var answer = Fed.post(c, to.party(), Wire.encode(envelope));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var receipt = Fed.signedReceipt(answer.json()).receipt();
        assertThat(receipt.outcome()).isEqualTo(Messages.REFUSED);
        return receipt.reason();
    }

    private static JsonNode seenAt(Cluster c, Party p, String user, String track) {
        for (JsonNode w : c.client(p).get(user, "/api/v1/warnings").json().get("warnings")) {
            if (w.get("track").asText().equals(track)) {
                return w;
            }
        }
        return null;
    }

    @Test
    void underTheMechanismAWarningItsUpdateAndItsCloseReachBothPartnersByThemselves() {
        c = Cluster.trilateral(Instant.parse("2024-10-31T00:00:00Z"));
        authorityUnderTheMechanism();
        Instant detected = Instant.parse("2024-10-30T22:11:30Z");
        JsonNode opened = open("TN-1031", "2024-10-31", detected);
        assertThat(opened.get("status").asText()).isEqualTo("OPEN");
        assertThat(opened.get("overflies").toString()).doesNotContain("JPN");

        Cluster.eventually(() -> seenAt(c, JPN, "jpn.analyst", "TN-1031") != null
                && seenAt(c, USA, "usa.analyst", "TN-1031") != null, "Japan and the USA see the warning");
        JsonNode atJapan = seenAt(c, JPN, "jpn.analyst", "TN-1031");
        assertThat(atJapan.get("party").asText()).isEqualTo("KOR");
        assertThat(atJapan.at("/warning/states").size()).isEqualTo(1);

        var update = kor().post("kor.officer", "/api/v1/warnings/TN-1031/updates", "{\"state\":"
                + state("2024-10-31", detected.plusSeconds(60), 0.9) + "}");
        assertThat(update.status()).as(update.body()).isEqualTo(201);
        var close = kor().post("kor.officer", "/api/v1/warnings/TN-1031/close", """
                {"at":"%s","splashdown":{"lat":41.8,"lon":137.2}}""".formatted(detected.plusSeconds(5200)));
        assertThat(close.status()).as(close.body()).isEqualTo(201);
        assertThat(close.json().get("status").asText()).isEqualTo("CLOSED");
        Cluster.eventually(() -> {
            JsonNode w = seenAt(c, JPN, "jpn.analyst", "TN-1031");
            return w != null && w.get("status").asText().equals("CLOSED");
        }, "Japan sees the warning closed");
        assertThat(seenAt(c, JPN, "jpn.analyst", "TN-1031").at("/warning/states").size()).isEqualTo(2);
        // The originator sees how its latest version went to each partner, with the partner's own time of taking it.
        Cluster.eventually(() -> {
            JsonNode d = kor().get("kor.officer", "/api/v1/warnings/KOR/TN-1031").json().get("deliveries");
            return d.size() == 2 && java.util.stream.StreamSupport.stream(d.spliterator(), false)
                    .allMatch(x -> x.get("status").asText().equals("DELIVERED"));
        }, "both deliveries of the closed version are receipted");
        for (JsonNode d : kor().get("kor.officer", "/api/v1/warnings/KOR/TN-1031").json().get("deliveries")) {
            // Two nodes' clocks: here each runs from 2024-10-31 since its own start, so they differ by the start-up.
            assertThat(Math.abs(d.get("delayMillis").asLong())).as("%s", d).isLessThan(60_000L);
            assertThat(Instant.parse(d.get("receivedAt").asText())).isAfter(Instant.parse("2024-10-31T00:00:00Z"));
            assertThat(d.get("recipient").asText()).isIn("USA", "JPN");
        }
        // Japan's watch officer acknowledges it; Korea sees who acknowledged when. Once per party.
        var ack = c.client(JPN).post("jpn.analyst", "/api/v1/warnings/KOR/TN-1031/acknowledge", "");
        assertThat(ack.status()).as(ack.body()).isEqualTo(201);
        assertThat(ack.json().get("by").asText()).isEqualTo("JPN");
        assertThat(c.client(JPN).post("jpn.analyst", "/api/v1/warnings/KOR/TN-1031/acknowledge", "").status())
                .isEqualTo(409);
        assertThat(kor().post("kor.officer", "/api/v1/warnings/KOR/TN-1031/acknowledge", "").status())
                .isEqualTo(400);
        Cluster.eventually(() -> kor().get("kor.officer", "/api/v1/warnings/KOR/TN-1031").json()
                .get("acknowledgements").toString().contains("\"by\":\"JPN\""), "Korea sees Japan's acknowledgement");
        // Japan's copy came through the U.S. hub, and so did its acknowledgement: the hub relayed it unchanged.
        Cluster.eventually(() -> entries(USA, "WARNING_ACK_RELAYED").size() == 1
                && entries(KOR, "WARNING_ACKNOWLEDGED").size() == 1, "the audit entries are in the logs");
        assertThat(entries(USA, "WARNING_ACK_RELAYED")).singleElement().satisfies(e -> assertThat(e)
                .contains("\"by\":\"JPN\"").contains("\"to\":\"KOR\""));
        assertThat(entries(KOR, "WARNING_ACKNOWLEDGED")).singleElement().satisfies(e -> assertThat(e)
                .contains("\"by\":\"JPN\"").contains("\"via\":\"USA\""));
        // The USA's copy came straight from Korea, and its acknowledgement goes straight back.
        assertThat(c.client(USA).post("usa.analyst", "/api/v1/warnings/KOR/TN-1031/acknowledge", "").status())
                .isEqualTo(201);
        Cluster.eventually(() -> kor().get("kor.officer", "/api/v1/warnings/KOR/TN-1031").json()
                .get("acknowledgements").findValuesAsText("by").containsAll(List.of("JPN", "USA")),
                "Korea sees both acknowledgements");
        Cluster.eventually(() -> entries(KOR, "WARNING_ACKNOWLEDGED").size() == 2, "Korea's log has both");
        assertThat(entries(USA, "WARNING_ACK_RELAYED")).hasSize(1);
        acknowledgementsThatAreNotWhatTheySayAreRefused(
                kor().get("kor.officer", "/api/v1/warnings/KOR/TN-1031").json().get("itemId").asText());
        // Where the originator's warning went is not the recipient's to see.
        assertThat(c.client(JPN).get("jpn.analyst", "/api/v1/warnings/KOR/TN-1031").json().get("deliveries").size())
                .isZero();
        // A later version cannot loosen the label the whole history travels under.
        assertThat(kor().post("kor.officer", "/api/v1/warnings/TN-1031/updates", "{\"caveats\":[],\"state\":"
                + state("2024-10-31", detected.plusSeconds(90), 0.9) + "}").status()).isEqualTo(400);
        // A track number is a warning's for good: a new warning takes a new one.
        assertThat(kor().post("kor.officer", "/api/v1/warnings", """
                {"track":"TN-1031","sensor":"Green Pine","state":%s,"level":"군사Ⅱ급비밀"}"""
                .formatted(state("2024-10-31", detected.plusSeconds(9000), 0.5))).status()).isEqualTo(409);
        // Closed is closed.
        assertThat(kor().post("kor.officer", "/api/v1/warnings/TN-1031/updates", "{\"state\":"
                + state("2024-10-31", detected.plusSeconds(6000), 0.9) + "}").status()).isEqualTo(400);
        // Withdrawn, every version goes: from Korea's list and, told through the notices, from Japan's and the USA's.
        var retracted = kor().post("kor.officer", "/api/v1/warnings/TN-1031/retract", "");
        assertThat(retracted.status()).as(retracted.body()).isEqualTo(200);
        assertThat(retracted.json().get("retractedVersions").asInt()).isEqualTo(3);
        assertThat(kor().get("kor.officer", "/api/v1/warnings").body()).doesNotContain("TN-1031");
        Cluster.eventually(() -> seenAt(c, JPN, "jpn.analyst", "TN-1031") == null
                && seenAt(c, USA, "usa.analyst", "TN-1031") == null, "the partners no longer list it");
        assertThat(kor().post("kor.officer", "/api/v1/warnings/TN-1031/retract", "").status()).isEqualTo(404);
    }

    @Test
    void in2017AWarningOverHokkaidoIsFlaggedAndReachesJapanOnlyByAnApprovedRelease() {
        c = Cluster.trilateral(Instant.parse("2017-08-29T00:00:00Z"));
        authorityUnderTheMechanism();
        JsonNode opened = open("TN-0829", "2017-08-29", Instant.parse("2017-08-28T20:57:00Z"));
        assertThat(Fed.textList(opened.get("overflies"))).contains("JPN");
        String itemId = opened.get("itemId").asText();
        assertThat(Fed.outbox(c, KOR).stream().filter(r -> r.get("itemId").asText().equals(itemId))).isEmpty();

        JsonNode requested = Fed.request(c, KOR, itemId, JPN);
        Fed.approve(c, KOR, requested.at("/release/id").asText());
        Cluster.eventually(() -> seenAt(c, JPN, "jpn.analyst", "TN-0829") != null, "Japan sees the warning");
        assertThat(Fed.textList(seenAt(c, JPN, "jpn.analyst", "TN-0829").get("overflies"))).contains("JPN");
    }

    @Test
    void aPersonWhoMayNotReadItSeesNoTraceAndBadInputStoresNothing() throws Exception {
        c = Cluster.trilateral(Instant.parse("2024-10-31T00:00:00Z"));
        open("TN-7", "2024-10-31", Instant.parse("2024-10-30T22:11:30Z"));
        // kor.guest has no need-to-know for dprk: no warning in the list, and not found by name.
        assertThat(kor().get("kor.guest", "/api/v1/warnings").json().get("warnings").size()).isZero();
        var one = kor().get("kor.guest", "/api/v1/warnings/KOR/TN-7");
        assertThat(one.status()).isEqualTo(404);
        assertThat(one.body()).doesNotContain("Hwasong").doesNotContain("군사");
        assertThat(kor().post("kor.guest", "/api/v1/warnings/KOR/TN-7/acknowledge", "").status()).isEqualTo(404);
        // A reader whose clearance is short of the warning's level: no trace either.
        var above = kor().post("kor.officer", "/api/v1/warnings", """
                {"track":"TN-70","sensor":"Green Pine","state":%s,"level":"군사Ⅰ급비밀"}"""
                .formatted(state("2024-10-31", Instant.parse("2024-10-30T22:11:30Z"), 0.5)));
        assertThat(above.status()).as(above.body()).isEqualTo(201);
        assertThat(kor().get("kor.analyst", "/api/v1/warnings").body()).doesNotContain("TN-70");
        assertThat(kor().get("kor.analyst", "/api/v1/warnings/KOR/TN-70").status()).isEqualTo(404);
        assertThat(kor().get("kor.analyst", "/api/v1/warnings/KOR/TN-70/geojson").status()).isEqualTo(404);
        assertThat(kor().get("kor.analyst", "/api/v1/warnings/KOR/TN-7").status()).isEqualTo(200);
        // The formats users' tools read, for those who may read it, and nothing for the others.
        var geojson = kor().get("kor.analyst", "/api/v1/warnings/KOR/TN-7/geojson");
        assertThat(geojson.status()).as(geojson.body()).isEqualTo(200);
        assertThat(geojson.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        JsonNode features = geojson.json();
        assertThat(features.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(features.get("features").size()).isGreaterThanOrEqualTo(3);
        var cot = kor().get("kor.analyst", "/api/v1/warnings/KOR/TN-7/cot");
        assertThat(cot.status()).as(cot.body()).isEqualTo(200);
        var event = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(cot.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .getDocumentElement();
        assertThat(event.getTagName()).isEqualTo("event");
        assertThat(event.getAttribute("uid")).contains("TN-7");
        assertThat(kor().get("kor.guest", "/api/v1/warnings/KOR/TN-7/geojson").status()).isEqualTo(404);
        assertThat(kor().get("kor.guest", "/api/v1/warnings/KOR/TN-7/cot").status()).isEqualTo(404);

        int items = kor().get("kor.officer", "/api/v1/items").json().size(); // TN-7 and TN-70
        String good = state("2024-10-31", Instant.parse("2024-10-30T22:11:30Z"), 0.5);
        for (String bad : List.of(good.replaceFirst("\"lat\":[0-9.]+", "\"lat\":95"),
                good.replaceFirst("\"rangeKm\":[0-9.]+", "\"rangeKm\":-5"),
                good.replaceFirst("\"confidence\":[0-9.]+", "\"confidence\":1.5"),
                good.replaceFirst(",\"azimuthDeg\":[0-9.]+", ""))) {
            var r = kor().post("kor.officer", "/api/v1/warnings", """
                    {"track":"TN-8","sensor":"Green Pine","state":%s,"level":"군사Ⅱ급비밀"}""".formatted(bad));
            assertThat(r.status()).as("%s → %s", bad, r.body()).isEqualTo(400);
        }
        assertThat(kor().post("kor.officer", "/api/v1/warnings", """
                {"track":"bad track!","sensor":"Green Pine","state":%s,"level":"군사Ⅱ급비밀"}""".formatted(good))
                .status()).isEqualTo(400);
        assertThat(kor().post("kor.officer", "/api/v1/warnings", """
                {"track":"TN-9","sensor":"Green Pine","state":%s,"level":"군사Ⅱ급비밀","topic":"dprk.nuclear"}"""
                .formatted(good)).status()).isEqualTo(400);
        assertThat(kor().post("kor.officer", "/api/v1/warnings", """
                {"track":"TN-7","sensor":"Green Pine","state":%s,"level":"군사Ⅱ급비밀"}""".formatted(good))
                .status()).isEqualTo(409);
        assertThat(kor().get("kor.officer", "/api/v1/items").json().size()).isEqualTo(items);
    }
}
