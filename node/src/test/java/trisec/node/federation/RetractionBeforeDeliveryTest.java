package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Cluster;
import trisec.node.item.Labels;
import trisec.node.federation.Messages.ItemNotice;

/**
 * An originator's notice can reach a node before the copy on its way there (through the hub, or while its
 * delivery is retried): after a retraction the copy must be refused, not kept; after a reclassification the copy
 * takes the new marking when it arrives, if the originator signed it. Only the originator's notices count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetractionBeforeDeliveryTest {
    private Cluster c;

    @BeforeAll
    void start() {
        c = Cluster.trilateral(Instant.parse("2024-01-10T00:00:00Z"));
    }

    @AfterAll
    void stop() {
        c.close();
    }

    private Messages.SignedReceipt retract(trisec.envelope.NodeKeys by, String itemId) {
        var notice = MessageSignatures.signNotice(by, itemId, Messages.RETRACT, null, null, null,
                Instant.now().toString());
        var e = Fed.seal(by, c.keys(JPN).identity(), Messages.ITEM_NOTICE, UUID.randomUUID(),
                Postbox.UNCLASSIFIED_HEADER, notice);
        var answer = Fed.post(c, JPN, Wire.encode(e));
        assertThat(answer.status()).isEqualTo(200);
        return Fed.signedReceipt(answer.json());
    }

    @Test
    void aCopyArrivingAfterItsOriginatorsRetractionIsRefused() {
        var item = Fed.signedItem(c.keys(KOR), "군사Ⅱ급비밀", "dprk.missile", "overtaken");
        assertThat(retract(c.keys(KOR), item.id()).receipt().outcome()).isEqualTo(Messages.ACCEPTED);
        int before = Fed.itemCount(c.node(JPN));

        var late = Fed.post(c, JPN, Wire.encode(Fed.itemEnvelope(c, c.keys(KOR), c.keys(JPN).identity(), item,
                UUID.randomUUID())));

        var receipt = Fed.signedReceipt(late.json()).receipt();
        assertThat(receipt.outcome()).isEqualTo(Messages.REFUSED);
        assertThat(receipt.reason()).contains("KOR has retracted this item");
        assertThat(Fed.itemCount(c.node(JPN))).isEqualTo(before);
        assertThat(Fed.item(c.node(JPN), item.id())).isEmpty();
    }

    @Test
    void aRetractionByAnotherPartyDoesNotBlockTheOriginatorsItem() {
        var item = Fed.signedItem(c.keys(KOR), "군사Ⅱ급비밀", "dprk.missile", "not USA's to retract");
        retract(c.keys(USA), item.id());

        var delivery = Fed.post(c, JPN, Wire.encode(Fed.itemEnvelope(c, c.keys(KOR), c.keys(JPN).identity(), item,
                UUID.randomUUID())));

        assertThat(Fed.signedReceipt(delivery.json()).receipt().outcome()).isEqualTo(Messages.ACCEPTED);
        assertThat(Fed.item(c.node(JPN), item.id())).isPresent();
    }

    @Test
    void aNoticeCountsOnlyWithItsOriginatorsSignatureWhoeverBringsIt() {
        var item = Fed.signedItem(c.keys(KOR), "군사Ⅱ급비밀", "dprk.missile", "relayed notice");
        var delivered = Fed.post(c, JPN, Wire.encode(Fed.itemEnvelope(c, c.keys(KOR), c.keys(JPN).identity(), item,
                UUID.randomUUID())));
        assertThat(Fed.signedReceipt(delivered.json()).receipt().outcome()).isEqualTo(Messages.ACCEPTED);

        // USA claims a Korean retraction but signs it itself: refused, and the copy stays.
        var genuine = MessageSignatures.signNotice(c.keys(KOR), item.id(), Messages.RETRACT, null, null, null,
                Instant.now().toString());
        var forged = MessageSignatures.signNotice(c.keys(USA), item.id(), Messages.RETRACT, null, null, null,
                genuine.at());
        var claimed = new ItemNotice(forged.itemId(), forged.action(), null, null, null, forged.at(), "KOR",
                forged.signerKey(), forged.signature());
        var refused = Fed.signedReceipt(Fed.post(c, JPN, Wire.encode(Fed.seal(c.keys(USA), c.keys(JPN).identity(),
                Messages.ITEM_NOTICE, UUID.randomUUID(), Postbox.UNCLASSIFIED_HEADER, claimed))).json()).receipt();
        assertThat(refused.outcome()).isEqualTo(Messages.REFUSED);
        assertThat(refused.reason()).contains("signed by its originator");
        assertThat(Fed.item(c.node(JPN), item.id()).orElseThrow().retracted()).isFalse();

        // The same retraction signed by Korea, brought by the USA (as a hub would pass it on): it counts.
        var relayed = Fed.signedReceipt(Fed.post(c, JPN, Wire.encode(Fed.seal(c.keys(USA), c.keys(JPN).identity(),
                Messages.ITEM_NOTICE, UUID.randomUUID(), Postbox.UNCLASSIFIED_HEADER, genuine))).json()).receipt();
        assertThat(relayed.outcome()).isEqualTo(Messages.ACCEPTED);
        assertThat(Fed.item(c.node(JPN), item.id()).orElseThrow().retracted()).isTrue();
        // The same notice again, in a fresh envelope: followed already, so nothing more happens or is passed on.
        var again = Fed.signedReceipt(Fed.post(c, JPN, Wire.encode(Fed.seal(c.keys(USA), c.keys(JPN).identity(),
                Messages.ITEM_NOTICE, UUID.randomUUID(), Postbox.UNCLASSIFIED_HEADER, genuine))).json()).receipt();
        assertThat(again.outcome()).isEqualTo(Messages.ACCEPTED);
        assertThat(again.reason()).isEqualTo("already retracted");
    }

    @Test
    void anotherPartysRetractionDoesNotTakeThePlaceOfTheOriginators() {
        var item = Fed.signedItem(c.keys(KOR), "군사Ⅱ급비밀", "dprk.missile", "USA retracts first");
        retract(c.keys(USA), item.id());
        assertThat(retract(c.keys(KOR), item.id()).receipt().outcome()).isEqualTo(Messages.ACCEPTED);

        var late = Fed.post(c, JPN, Wire.encode(Fed.itemEnvelope(c, c.keys(KOR), c.keys(JPN).identity(), item,
                UUID.randomUUID())));

        assertThat(Fed.signedReceipt(late.json()).receipt().outcome()).isEqualTo(Messages.REFUSED);
        assertThat(Fed.item(c.node(JPN), item.id())).isEmpty();
    }

    /** A retraction arriving together with the copy: whichever is handled first, no readable copy is left. */
    @Test
    void aRetractionRacingItsCopyLeavesNoReadableCopy() throws Exception {
        int pairs = 24;
        List<Messages.ItemData> items = new java.util.ArrayList<>();
        List<java.util.concurrent.Callable<Integer>> sends = new java.util.ArrayList<>();
        var start = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < pairs; i++) {
            var item = Fed.signedItem(c.keys(KOR), "군사Ⅱ급비밀", "dprk.missile", "race " + i);
            items.add(item);
            String copy = Wire.encode(Fed.itemEnvelope(c, c.keys(KOR), c.keys(JPN).identity(), item,
                    UUID.randomUUID()));
            String retraction = Wire.encode(Fed.seal(c.keys(KOR), c.keys(JPN).identity(), Messages.ITEM_NOTICE,
                    UUID.randomUUID(), Postbox.UNCLASSIFIED_HEADER,
                    MessageSignatures.signNotice(c.keys(KOR), item.id(), Messages.RETRACT, null, null, null,
                            Instant.now().toString())));
            for (String body : List.of(copy, retraction)) {
                sends.add(() -> {
                    start.await();
                    return Fed.post(c, JPN, body).status();
                });
            }
        }
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            sends.forEach(send -> answers.add(pool.submit(send)));
            start.countDown();
        }
        for (var answer : answers) {
            assertThat(answer.get()).isEqualTo(200);
        }
        for (var item : items) {
            assertThat(Fed.item(c.node(JPN), item.id()).map(held -> held.retracted()).orElse(true))
                    .as("%s is refused or retracted", item.title()).isTrue();
        }
    }

    private Messages.SignedReceipt reclassify(trisec.envelope.NodeKeys by, Messages.ItemData item, String level,
                                              trisec.envelope.NodeKeys signer, Instant at) {
        var unsigned = new Messages.ItemData(item.id(), item.originator(), level, item.relTo(), item.caveats(),
                item.topic(), item.createdAt(), item.title(), item.body(), signer.identity().keyId().value(), "");
        String signature = MessageSignatures.signItem(signer, unsigned);
        var header = Postbox.header(Labels.of(unsigned, c.config(KOR).scenario()));
        var notice = MessageSignatures.signNotice(by, item.id(), Messages.RECLASSIFY, level, unsigned.originKey(),
                signature, at.toString());
        var e = Fed.seal(by, c.keys(JPN).identity(), Messages.ITEM_NOTICE, UUID.randomUUID(), header, notice);
        var answer = Fed.post(c, JPN, Wire.encode(e));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return Fed.signedReceipt(answer.json());
    }

    private Messages.Receipt deliver(Messages.ItemData item) {
        var delivery = Fed.post(c, JPN, Wire.encode(Fed.itemEnvelope(c, c.keys(KOR), c.keys(JPN).identity(), item,
                UUID.randomUUID())));
        return Fed.signedReceipt(delivery.json()).receipt();
    }

    @Test
    void aCopyArrivingAfterItsOriginatorsReclassificationTakesTheNewMarking() {
        var item = Fed.signedItem(c.keys(KOR), "군사Ⅱ급비밀", "dprk.missile", "re-marked on arrival");
        var noted = reclassify(c.keys(KOR), item, "군사Ⅲ급비밀", c.keys(KOR), Instant.now()).receipt();
        assertThat(noted.outcome()).isEqualTo(Messages.ACCEPTED);
        assertThat(noted.reason()).contains("re-marked");

        assertThat(deliver(item).outcome()).isEqualTo(Messages.ACCEPTED);

        var held = Fed.item(c.node(JPN), item.id()).orElseThrow();
        assertThat(held.level()).isEqualTo("군사Ⅲ급비밀");
        assertThat(held.heldLevel()).isEqualTo("秘");
        // The stored copy carries the originator's signature over the new label, so it verifies as sent on.
        var resigned = new Messages.ItemData(held.id(), held.originator(), held.level(), held.relTo(),
                held.caveats(), held.topic(), held.createdAt().toString(), held.title(), held.body(),
                held.originKey(), held.originSignature());
        assertThat(MessageSignatures.verifyItem(c.keys(KOR).identity(), resigned)).isTrue();
    }

    @Test
    void aWaitingReclassificationNotSignedByTheOriginatorIsNotApplied() {
        var forged = Fed.signedItem(c.keys(KOR), "군사Ⅱ급비밀", "dprk.missile", "USA may not re-mark it");
        reclassify(c.keys(USA), forged, "군사Ⅲ급비밀", c.keys(USA), Instant.now());
        var badSignature = Fed.signedItem(c.keys(KOR), "군사Ⅱ급비밀", "dprk.missile", "signed by the wrong key");
        reclassify(c.keys(KOR), badSignature, "군사Ⅲ급비밀", c.keys(USA), Instant.now());

        // Another party's notice is no reclassification: the copy is kept as the originator marked it.
        assertThat(deliver(forged).outcome()).isEqualTo(Messages.ACCEPTED);
        var held = Fed.item(c.node(JPN), forged.id()).orElseThrow();
        assertThat(held.level()).isEqualTo("군사Ⅱ급비밀");
        assertThat(held.heldLevel()).isEqualTo("極秘");
        // The originator's own notice that does not verify: the copy is not kept under a replaced marking.
        var refused = deliver(badSignature);
        assertThat(refused.outcome()).isEqualTo(Messages.REFUSED);
        assertThat(refused.reason()).contains("not signed by the originator");
        assertThat(Fed.item(c.node(JPN), badSignature.id())).isEmpty();
    }

    @Test
    void theOriginatorsLatestWaitingReclassificationWinsWhateverOrderTheyArriveIn() {
        // Class I has no Japanese equivalent under the GSOMIA: had it won, the copy would have been refused.
        Instant earlier = Instant.now().minusSeconds(60);
        Instant later = Instant.now();
        var inOrder = Fed.signedItem(c.keys(KOR), "군사Ⅱ급비밀", "dprk.missile", "re-marked twice, in order");
        reclassify(c.keys(KOR), inOrder, "군사Ⅰ급비밀", c.keys(KOR), earlier);
        reclassify(c.keys(KOR), inOrder, "군사Ⅲ급비밀", c.keys(KOR), later);
        var overtaken = Fed.signedItem(c.keys(KOR), "군사Ⅱ급비밀", "dprk.missile", "re-marked twice, overtaken");
        reclassify(c.keys(KOR), overtaken, "군사Ⅲ급비밀", c.keys(KOR), later);
        reclassify(c.keys(KOR), overtaken, "군사Ⅰ급비밀", c.keys(KOR), earlier);

        for (var item : List.of(inOrder, overtaken)) {
            assertThat(deliver(item).outcome()).isEqualTo(Messages.ACCEPTED);
            assertThat(Fed.item(c.node(JPN), item.id()).orElseThrow().level()).isEqualTo("군사Ⅲ급비밀");
        }
    }

    @Test
    void anotherPartysLaterNoticeDoesNotDisplaceTheOriginatorsReclassification() {
        var item = Fed.signedItem(c.keys(KOR), "군사Ⅱ급비밀", "dprk.missile", "USA tries to crowd out KOR");
        reclassify(c.keys(KOR), item, "군사Ⅲ급비밀", c.keys(KOR), Instant.now());
        reclassify(c.keys(USA), item, "군사Ⅰ급비밀", c.keys(USA), Instant.now().plusSeconds(3_600));

        assertThat(deliver(item).outcome()).isEqualTo(Messages.ACCEPTED);

        assertThat(Fed.item(c.node(JPN), item.id()).orElseThrow().level()).isEqualTo("군사Ⅲ급비밀");
    }

    @Test
    void anOlderReclassificationArrivingLateDoesNotUndoANewerOne() {
        var item = Fed.signedItem(c.keys(KOR), "군사Ⅱ급비밀", "dprk.missile", "re-marked out of order");
        assertThat(deliver(item).outcome()).isEqualTo(Messages.ACCEPTED);
        Instant earlier = Instant.now().minusSeconds(60);
        Instant later = Instant.now();

        assertThat(reclassify(c.keys(KOR), item, "군사Ⅲ급비밀", c.keys(KOR), later).receipt().outcome())
                .isEqualTo(Messages.ACCEPTED);
        var late = reclassify(c.keys(KOR), item, "군사Ⅱ급비밀", c.keys(KOR), earlier).receipt();

        assertThat(late.reason()).contains("later reclassification");
        var held = Fed.item(c.node(JPN), item.id()).orElseThrow();
        assertThat(held.level()).isEqualTo("군사Ⅲ급비밀");
        assertThat(held.heldLevel()).isEqualTo("秘");
    }

    @Test
    void aReclassificationWithoutItsSignatureIsRefused() {
        var notice = MessageSignatures.signNotice(c.keys(KOR), UUID.randomUUID().toString(), Messages.RECLASSIFY,
                "군사Ⅲ급비밀", null, null, Instant.now().toString());
        var e = Fed.seal(c.keys(KOR), c.keys(JPN).identity(), Messages.ITEM_NOTICE, UUID.randomUUID(),
                Postbox.UNCLASSIFIED_HEADER, notice);
        var receipt = Fed.signedReceipt(Fed.post(c, JPN, Wire.encode(e)).json()).receipt();
        assertThat(receipt.outcome()).isEqualTo(Messages.REFUSED);
        assertThat(receipt.reason()).contains("signature");
    }
}
