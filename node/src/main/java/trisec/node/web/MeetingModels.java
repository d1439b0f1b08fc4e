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

    public record Detail(Line line, List<Models.Field> participants, List<Agenda> agenda, List<String> outcomes,
                         List<Action> actions, String cancellation, List<Annex> annexes) {}
}
