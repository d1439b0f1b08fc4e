package trisec.node.interop;

import trisec.interop.ItemKind;
import trisec.item.Item;
import trisec.node.base.Self;
import trisec.node.consult.MeetingDocument;
import trisec.node.consult.PerspectiveDocument;
import trisec.node.item.HeldItem;
import trisec.node.option.OptionDesk;
import trisec.node.warning.WarningDocument;

/**
 * What kind an item is, by the features that make each kind: each recognises its own bodies (a warning, a meeting's
 * record, annex or report, an assessment) or keeps its own list (options). An item none of them claims is a plain one.
 */
final class ItemKinds {
    private final Self self;
    private final OptionDesk options;

    ItemKinds(Self self, OptionDesk options) {
        this.self = self;
        this.options = options;
    }

    ItemKind of(HeldItem held) {
        return of(held, options.isOption(held.id()));
    }

    /** What kind an item is, whether it is an option already known. */
    ItemKind of(HeldItem held, boolean option) {
        Item item = held.item();
        var scenario = self.facts().scenario();
        if (option) {
            return ItemKind.OPTION;
        }
        if (WarningDocument.isWarning(item, scenario)) {
            return ItemKind.WARNING;
        }
        if (MeetingDocument.isRecord(item, scenario)) {
            return ItemKind.MEETING_RECORD;
        }
        if (MeetingDocument.isAnnex(item)) {
            return ItemKind.MEETING_ANNEX;
        }
        if (MeetingDocument.isReport(item)) {
            return ItemKind.MEETING_REPORT;
        }
        if (PerspectiveDocument.isPerspective(item)) {
            return ItemKind.PERSPECTIVE;
        }
        return ItemKind.ITEM;
    }
}
