package trisec.node.item;

import org.jdbi.v3.core.Handle;
import trisec.node.base.Self;
import trisec.node.federation.Incoming;
import trisec.node.federation.MessageHandler;
import trisec.node.federation.MessageRefused;
import trisec.node.federation.Messages.CompromiseReport;
import trisec.node.federation.Messages.Receipt;
import trisec.node.item.ItemRow;
import trisec.node.item.Items;
import trisec.node.item.Reports;

/** A holder reports the loss or compromise of this node's item (GSOMIA Art. 17). */
final class ReportArrival implements MessageHandler<CompromiseReport> {
    private final Self self;

    ReportArrival(Self self) {
        this.self = self;
    }

    @Override
    public Class<CompromiseReport> type() {
        return CompromiseReport.class;
    }

    @Override
    public Receipt handle(Handle h, Incoming m, CompromiseReport r) {
        ItemRow item = Items.byId(h, r.itemId())
                .orElseThrow(() -> new MessageRefused("no item " + r.itemId() + " here"));
        if (!item.originator().equals(self.party().code())) {
            throw new MessageRefused("reports go to the originator, and this node is not the originator of "
                    + r.itemId());
        }
        Reports.insert(h, new Reports.Row(r.reportId(), item.id(), m.sender().code(),
                r.detail() == null ? "" : r.detail(), self.clock().instant()));
        return m.accepted(null, item.id(), null, null);
    }
}
