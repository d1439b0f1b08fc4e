package trisec.node.interop;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import trisec.interop.ItemKind;
import trisec.item.Item;
import trisec.node.base.Self;
import trisec.node.consult.MeetingDocument;
import trisec.node.consult.PerspectiveDocument;
import trisec.node.item.HeldItem;
import trisec.node.option.OptionDesk;
import trisec.node.warning.WarningDocument;
import trisec.scenario.Scenario;

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
        if (option) {
            return ItemKind.OPTION;
        }
        Scenario scenario = self.facts().scenario();
        Known k = known;
        if (k.scenario() != scenario) {
            k = new Known(scenario, new ConcurrentHashMap<>());
            known = k;
        }
        Scenario on = k.scenario();
        return k.kinds().computeIfAbsent(held.id(), id -> byBody(held.item(), on));
    }

    /**
     * The kinds found by reading bodies, per item id, for the scenario they were read under. What a body says is
     * decided by the item's body, originator, id and topic, which never change for an id (a reclassification changes
     * the label's level only), and by the scenario: reading each body once, not on every export or TAXII page, spares
     * a JSON parse per feature per item. A changed scenario starts afresh.
     */
    private record Known(Scenario scenario, Map<String, ItemKind> kinds) {}

    private volatile Known known = new Known(null, new ConcurrentHashMap<>());

    private static ItemKind byBody(Item item, Scenario scenario) {
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
