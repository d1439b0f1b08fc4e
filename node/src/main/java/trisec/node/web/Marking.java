package trisec.node.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import trisec.label.Banner;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.party.Classification;
import trisec.party.ClassificationScheme;
import trisec.party.Level;
import trisec.party.Party;

/**
 * A page's classification marking, top and bottom, as classified systems show it: the highest classification of
 * what the page displays, with the most restrictive controls (NOFORN if any item has it; a REL TO list only when
 * every item has one: their intersection), in the banner form and in the viewer's national form, coloured by
 * level.
 */
public record Marking(String banner, String national, Classification classification) {

    /** The CSS class that colours the banner: green, blue, red, orange as the conventions have it. */
    public String css() {
        return switch (classification) {
            case UNCLASSIFIED -> "banner-u";
            case CONFIDENTIAL -> "banner-c";
            case SECRET -> "banner-s";
            case TOP_SECRET -> "banner-ts";
        };
    }

    /** What one shown item contributes: its label and this node's marking of it. */
    public record Shown(ConfidentialityLabel label, Level heldLevel) {}

    public static Marking of(List<Shown> shown, ClassificationScheme viewerScheme) {
        if (shown.isEmpty()) {
            Level u = viewerScheme.unclassified();
            return new Marking(Classification.UNCLASSIFIED.banner(), u.name(), Classification.UNCLASSIFIED);
        }
        Classification top = Classification.UNCLASSIFIED;
        Level national = viewerScheme.unclassified();
        Set<Caveat> caveats = EnumSet.noneOf(Caveat.class);
        Set<Party> rel = null;
        boolean allHaveRel = true;
        for (Shown s : shown) {
            Classification c = s.label().level().banner();
            if (c.compareTo(top) > 0) {
                top = c;
            }
            if (s.heldLevel().party().equals(viewerScheme.party()) && s.heldLevel().rank() > national.rank()) {
                national = s.heldLevel();
            }
            caveats.addAll(s.label().caveats());
            if (s.label().releasableTo().isEmpty()) {
                allHaveRel = false;
            } else if (rel == null) {
                rel = new LinkedHashSet<>(s.label().releasableTo());
            } else {
                rel.retainAll(s.label().releasableTo());
            }
        }
        List<Party> relTo = new ArrayList<>();
        if (allHaveRel && rel != null && !caveats.contains(Caveat.NOFORN)) {
            relTo.addAll(rel);
        }
        if (relTo.isEmpty() && allHaveRel && rel != null && !caveats.contains(Caveat.NOFORN)) {
            // Disjoint lists: nobody may receive everything on this page but its holder.
            caveats.add(Caveat.NOFORN);
        }
        Banner b = new Banner(top, caveats, relTo);
        return new Marking(b.toString(), national.name(), top);
    }
}
