package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Cluster;
import trisec.node.Labels;
import trisec.node.federation.Messages.ItemNotice;

/**
 * An originator's retraction can reach a node before the copy a holder is passing on to it; the copy must then
 * be refused, not kept. Only the originator's retraction counts.
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
        var notice = new ItemNotice(itemId, Messages.RETRACT, null, null, null, Instant.now().toString());
        var e = Fed.seal(by, c.keys(JPN).identity(), Messages.ITEM_NOTICE, UUID.randomUUID(),
                Labels.UNCLASSIFIED_HEADER, notice);
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
}
