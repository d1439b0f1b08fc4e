package trisec.node.web;

import java.util.List;
import java.util.Optional;

/** What the joint statements' pages show. */
public final class StatementModels {
    private StatementModels() {}

    /** The list, and the drafting form for those who may draft ({@code channels} empty otherwise). */
    public record Index(List<Line> lines, List<Models.Option> channels, String meeting, String notice) {}

    public record Line(String id, String title, String channel, int revision, String state, boolean adopted) {}

    /** One text of the statement, in its language: {@code lang} is its BCP 47 tag for the page. */
    public record Text(String lang, String label, String text) {}

    public record Signed(String party, String signedAt, boolean matches) {}

    /**
     * A statement: its texts side by side, who signed its latest revision when, and what the viewer may do:
     * sign it (a disclosure official of a party that has not), revise it (an officer or disclosure official).
     */
    public record Detail(String id, String title, String channel, String meeting, int revision, String drafted,
                         String revised, String hash, List<Text> texts, List<Signed> signatures, String awaiting,
                         Optional<String> adoptedAt, boolean maySign, boolean mayRevise, List<Withheld> withheld,
                         String unadoptable, String notice) {}

    /**
     * What of this node's did not go to a party, and the release decision's reasons; {@code unadoptable} on the
     * detail says, when it was the latest revision itself, that the statement cannot be adopted as it stands.
     */
    public record Withheld(String party, String text, List<String> reasons) {}
}
