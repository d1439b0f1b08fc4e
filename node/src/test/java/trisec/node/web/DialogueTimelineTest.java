package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import trisec.consult.Cadence;
import trisec.consult.Channel;
import trisec.consult.Meeting;

/** The dialogue timeline as a pure function: well-formed, escaped, the same bytes for the same input. */
class DialogueTimelineTest {
    private static final DialogueTimeline.Words WORDS =
            new DialogueTimeline.Words("Meetings & gaps", "desc <b>", "no meetings on record", "overdue", "dormant");

    private static Channel channel(String id, String name, Meeting... meetings) {
        return new Channel(id, name, Cadence.ANNUAL, false, List.of(), Optional.empty(), List.of(meetings), "");
    }

    @Test
    void everyTextIsEscapedAndTheSvgParses() throws Exception {
        var c = channel("x", "<script>alert('x')</script> & co",
                new Meeting(LocalDate.parse("2017-01-05"), LocalDate.parse("2017-01-05"), "\"Seoul\"", "<6th>"));
        String svg = DialogueTimeline.svg(List.of(c, channel("y", "Silent")), LocalDate.parse("2019-10-01"),
                LocalDate.parse("2020-01-01"), Channel::name, WORDS);
        assertThat(svg).doesNotContain("<script").doesNotContain("<b>").doesNotContain("<6th>")
                .contains("&lt;script&gt;").contains("no meetings on record");
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength()).isEqualTo(1);
        // 2018-01-06 overdue to 2019-01-05, dormant from 2019-01-06 to the end drawn.
        assertThat(svg).contains("class=\"gap\" data-from=\"2018-01-06\" data-until=\"2019-01-05\"")
                .contains("class=\"gap dormant\" data-from=\"2019-01-06\" data-until=\"2020-01-01\"");
        assertThat(svg).isEqualTo(DialogueTimeline.svg(List.of(c, channel("y", "Silent")),
                LocalDate.parse("2019-10-01"), LocalDate.parse("2020-01-01"), Channel::name, WORDS));
    }
}
