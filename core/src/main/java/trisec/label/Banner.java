package trisec.label;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import trisec.DomainException;
import trisec.party.Classification;
import trisec.party.Party;

/**
 * An ISM/CAPCO style banner line: the classification word, then the dissemination controls separated by
 * single slashes after a double slash, e.g. {@code SECRET//REL TO USA, JPN, KOR} or
 * {@code SECRET//ORCON/NOFORN}. The topic is not part of a banner.
 */
public record Banner(Classification classification, Set<Caveat> caveats, List<Party> releasableTo) {

    public Banner {
        caveats = caveats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(caveats));
        releasableTo = releasableTo.stream().distinct().sorted(Party.BANNER_ORDER).toList();
        if (caveats.contains(Caveat.NOFORN) && !releasableTo.isEmpty()) {
            throw new IllegalArgumentException("NOFORN and REL TO are never together");
        }
    }

    public static Banner of(ConfidentialityLabel label) {
        return new Banner(label.level().banner(), label.caveats(), label.releasableTo());
    }

    public static String render(ConfidentialityLabel label) {
        return of(label).toString();
    }

    /**
     * The banner of a page or an answer that shows all these labels' contents together: the highest classification,
     * every caveat any of them carries, and a REL TO list only when every label has one (their intersection); when
     * those lists have no party in common, nobody may receive everything shown but its holder, so it is NOFORN.
     * With no label, UNCLASSIFIED.
     */
    public static Banner covering(Collection<ConfidentialityLabel> labels) {
        Classification top = Classification.UNCLASSIFIED;
        Set<Caveat> caveats = EnumSet.noneOf(Caveat.class);
        Set<Party> rel = null;
        boolean allHaveRel = !labels.isEmpty();
        for (ConfidentialityLabel l : labels) {
            if (l.level().banner().compareTo(top) > 0) {
                top = l.level().banner();
            }
            caveats.addAll(l.caveats());
            if (l.releasableTo().isEmpty()) {
                allHaveRel = false;
            } else if (rel == null) {
                rel = new LinkedHashSet<>(l.releasableTo());
            } else {
                rel.retainAll(l.releasableTo());
            }
        }
        List<Party> relTo = new ArrayList<>();
        if (allHaveRel && !caveats.contains(Caveat.NOFORN)) {
            relTo.addAll(rel);
            if (relTo.isEmpty()) {
                caveats.add(Caveat.NOFORN);
            }
        }
        return new Banner(top, caveats, relTo);
    }

    @Override
    public String toString() {
        var controls = new ArrayList<String>();
        for (Caveat c : EnumSet.allOf(Caveat.class)) {
            if (caveats.contains(c)) {
                controls.add(c.name());
            }
        }
        if (!releasableTo.isEmpty()) {
            controls.add("REL TO " + String.join(", ", releasableTo.stream().map(Party::code).toList()));
        }
        return controls.isEmpty()
                ? classification.banner()
                : classification.banner() + "//" + String.join("/", controls);
    }

    /**
     * Reads a banner back. Accepts any case and spacing and the controls in any order; rejects anything else
     * with a message that says what is wrong.
     */
    public static Banner parse(String text) {
        if (text == null || text.isBlank()) {
            throw new DomainException("a banner is empty");
        }
        String line = text.strip().toUpperCase(Locale.ROOT);
        int split = line.indexOf("//");
        String head = split < 0 ? line : line.substring(0, split);
        Classification classification = Classification.fromBanner(head)
                .orElseThrow(() -> new DomainException("'" + head.strip() + "' is not a banner classification "
                        + "(TOP SECRET, SECRET, CONFIDENTIAL or UNCLASSIFIED)"));
        var caveats = EnumSet.noneOf(Caveat.class);
        var rel = new ArrayList<Party>();
        boolean sawRel = false;
        if (split >= 0) {
            String rest = line.substring(split + 2);
            if (rest.isBlank() || rest.contains("//")) {
                throw new DomainException("a banner has one block of controls after '//': " + text.strip());
            }
            for (String raw : rest.split("/", -1)) {
                String control = raw.strip().replaceAll("\\s+", " ");
                if (control.startsWith("REL TO ") || control.equals("REL TO")) {
                    if (sawRel) {
                        throw new DomainException("REL TO appears twice in the banner");
                    }
                    sawRel = true;
                    String list = control.substring("REL TO".length()).strip();
                    if (list.isEmpty()) {
                        throw new DomainException("REL TO names no party");
                    }
                    for (String code : list.split(",", -1)) {
                        String c = code.strip();
                        if (!Party.isCode(c)) {
                            throw new DomainException("'" + c + "' in REL TO is not a three-letter party code");
                        }
                        rel.add(Party.of(c));
                    }
                } else {
                    Caveat caveat = Caveat.parse(control).orElseThrow(() -> new DomainException(
                            "'" + control + "' is not a control trisec knows (ORCON, NOFORN, REL TO …)"));
                    if (!caveats.add(caveat)) {
                        throw new DomainException(caveat + " appears twice in the banner");
                    }
                }
            }
        }
        if (caveats.contains(Caveat.NOFORN) && sawRel) {
            throw new DomainException("NOFORN and REL TO are never together");
        }
        return new Banner(classification, caveats, rel);
    }
}
