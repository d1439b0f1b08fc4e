package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.KOR;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.scenario.file.ScenarioFiles;

/**
 * The channels' calendars over the API: iCalendar for any signed-in person, every channel's or one channel's, with
 * the bearer token like every API route; an unknown channel is not found.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarApiTest {
    private Cluster cluster;
    private Client kor;

    @BeforeAll
    void start() {
        cluster = Cluster.start(List.of(KOR), ScenarioFiles.shipped(), Optional.empty(), c -> c);
        kor = cluster.client(KOR);
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    @Test
    void everyChannelsMeetingsAreOneCalendarForAnySignedInPerson() throws Exception {
        var r = kor.get("kor.guest", "/api/v1/channels/calendar.ics");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type")).hasValue("text/calendar; charset=utf-8");
        List<VEvent> events = new CalendarBuilder().build(new StringReader(r.body())).getComponents("VEVENT");
        int meetings = ScenarioFiles.shipped().channels().stream().mapToInt(c -> c.meetings().size()).sum();
        assertThat(events).hasSize(meetings);
    }

    @Test
    void oneChannelsCalendarHoldsItsMeetingsOnly() {
        var r = kor.get("kor.guest", "/api/v1/channels/defense-trilateral-talks/calendar.ics");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("UID:defense-trilateral-talks-20190509@channels.trisec\r\n")
                .contains("UID:defense-trilateral-talks-20240424@channels.trisec\r\n")
                .doesNotContain("UID:leaders-").contains("X-WR-CALNAME:Defense Trilateral Talks (DTT)\r\n");
    }

    @Test
    void anUnknownChannelIsNotFoundAndNoTokenIsUnauthenticated() {
        assertThat(kor.get("kor.guest", "/api/v1/channels/no-such/calendar.ics").status()).isEqualTo(404);
        var r = kor.raw(null, HttpRequest.newBuilder(kor.base().resolve("/api/v1/channels/calendar.ics")).GET());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer"));
    }
}
