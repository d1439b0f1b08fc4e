package trisec.node.web;

import java.util.List;

/**
 * The perspectives page's model: the topic, each party's latest assessment side by side, the comparison key by key,
 * and each party's history with its shifts; every text in the viewer's language.
 */
public record PerspectiveView(String topic, boolean asked, List<Column> columns, List<Row> rows,
                              List<History> histories) {
    public PerspectiveView {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        histories = List.copyOf(histories);
    }

    /** A party's latest assessment. */
    public record Column(String party, String partyName, String asOf, String itemId, String title, String banner,
                         String css, String summary, List<Judgement> judgements) {}

    public record Judgement(String key, String stance, String stanceCode, String note) {}

    /** One key: each column's stance in column order ("—" where a party does not judge it), and what they come to. */
    public record Row(String key, List<String> stances, List<String> stanceCodes, String agreement,
                      String agreementCode) {}

    /** A party's assessments, oldest first, and how its stances moved. */
    public record History(String party, String partyName, List<Entry> entries, List<String> shifts) {}

    public record Entry(String asOf, String itemId, String title, String banner, String css, String judgements) {}
}
