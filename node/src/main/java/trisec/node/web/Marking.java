package trisec.node.web;

import java.util.List;
import trisec.label.Banner;
import trisec.label.ConfidentialityLabel;
import trisec.party.Classification;
import trisec.party.ClassificationScheme;
import trisec.party.Level;

/**
 * A page's classification marking, top and bottom, as classified systems show it: the highest classification of
 * what the page displays, with the most restrictive controls (NOFORN if any item has it; a REL TO list only when
 * every item has one: their intersection; core's {@link Banner#covering}), in the banner form and in the viewer's
 * national form, coloured by level.
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
        Level national = viewerScheme.unclassified();
        for (Shown s : shown) {
            if (s.heldLevel().party().equals(viewerScheme.party()) && s.heldLevel().rank() > national.rank()) {
                national = s.heldLevel();
            }
        }
        Banner b = Banner.covering(shown.stream().map(Shown::label).toList());
        return new Marking(b.toString(), national.name(), b.classification());
    }
}
