package trisec.node.web;

import java.util.List;

/** What the meetings pages show: plain values, already in the viewer's language. */
public final class MeetingModels {
    private MeetingModels() {}

    public record Line(String id, String channel, String dates, String place, String host, String state,
                       String banner, String css) {}

    /** The list, and the plan form for an officer ({@code channels} empty for anyone else). */
    public record Meetings(List<Line> lines, List<Models.Option> channels, String notice) {}

    public record Agenda(String track, String title) {}

    public record Action(String number, String owner, String due, String task, String status, String followUp) {}

    public record Annex(String itemId, String title, String banner, String css, String text) {}

    /** A partner's report on an action item it owns. */
    public record Report(String number, String party, String status, String followUp, String banner, String css) {}

    /** What the release policy answered for one party when an item was shared. */
    public record Shared(String party, String verdict, String release, String reasons) {}

    /**
     * The forms of the page, for an officer: {@code keeper} when this party keeps the record (change it, attach and
     * share), {@code reportable} the action items this party owns in another party's record. Empty for anyone else.
     */
    public record Forms(boolean keeper, boolean planned, boolean held, String recordItem, String start, String end,
                        String place, List<Models.Option> owners, List<Models.Option> numbers,
                        List<Models.Option> statuses, List<Models.Option> levels, String topic,
                        List<Models.Option> relTo, List<Models.Option> caveats, List<Models.Option> reportable,
                        String recordedBy) {
        public static Forms none() {
            return new Forms(false, false, false, "", "", "", "", List.of(), List.of(), List.of(), List.of(), "",
                    List.of(), List.of(), List.of(), "");
        }

        public boolean any() {
            return keeper || !reportable.isEmpty();
        }
    }

    public record Detail(Line line, List<Models.Field> participants, List<Agenda> agenda, List<String> outcomes,
                         List<Action> actions, String cancellation, List<Annex> annexes, List<Report> reports,
                         Forms forms, List<Shared> shared, String notice, String draftStatement) {}
}
