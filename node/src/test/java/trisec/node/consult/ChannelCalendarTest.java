package trisec.node.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import trisec.consult.Channel;
import trisec.party.Party;
import trisec.scenario.file.ScenarioFiles;

/**
 * The channels' calendar: every meeting on record an all-day event with a UID that does not change, written so that
 * ical4j reads it back and a second, independent reader of RFC 5545 accepts it.
 */
class ChannelCalendarTest {
    private static final Instant STAMP = Instant.parse("2026-12-05T09:00:00Z");
    private static final List<Channel> CHANNELS = ScenarioFiles.shipped().channels();

    private static List<ChannelCalendar.Event> onRecord() {
        var all = new ArrayList<ChannelCalendar.Event>();
        CHANNELS.forEach(c -> all.addAll(ChannelCalendar.events(c)));
        return all;
    }

    private static Calendar parsed(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static Rfc5545Reader.Component event(Rfc5545Reader.Component calendar, String uid) {
        return calendar.children().stream().filter(c -> c.one("UID").value().equals(uid)).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + uid));
    }

    @Test
    void everyMeetingOnRecordParsesBackWithIcal4jAsAnAllDayEvent() throws Exception {
        String ics = ChannelCalendar.ics("Trilateral consultation channels", onRecord(), STAMP);
        Calendar calendar = parsed(ics);
        assertThat(calendar.getProductId().getValue()).isEqualTo(ChannelCalendar.PRODID);
        List<VEvent> events = calendar.getComponents("VEVENT");
        int meetings = CHANNELS.stream().mapToInt(c -> c.meetings().size()).sum();
        assertThat(meetings).isGreaterThan(8);
        assertThat(events).hasSize(meetings);
        VEvent freedomEdge = events.stream().filter(e -> e.getUid().orElseThrow().getValue()
                .equals("freedom-edge-20240627@channels.trisec")).findFirst().orElseThrow();
        // Three days, 27 to 29 June: DTEND is the day after the last, exclusive.
        assertThat(freedomEdge.getDateTimeStart().getDate()).isEqualTo(LocalDate.parse("2024-06-27"));
        assertThat(freedomEdge.getDateTimeEnd().getDate()).isEqualTo(LocalDate.parse("2024-06-30"));
        assertThat(ics).contains("DTSTART;VALUE=DATE:20240627\r\n").contains("DTEND;VALUE=DATE:20240630\r\n");
    }

    @Test
    void aSecondIndependentReaderAcceptsItWithTheSameEvents() {
        String ics = ChannelCalendar.ics("Trilateral consultation channels", onRecord(), STAMP);
        Rfc5545Reader.Component calendar = Rfc5545Reader.read(ics);
        assertThat(calendar.one("VERSION").value()).isEqualTo("2.0");
        assertThat(calendar.one("PRODID").value()).isEqualTo(ChannelCalendar.PRODID);
        assertThat(calendar.children()).allMatch(c -> c.name().equals("VEVENT"));
        // RFC 7986 §5.7: a subscriber fetches it again daily; the parameter is required.
        assertThat(calendar.one("REFRESH-INTERVAL").params()).containsEntry("VALUE", "DURATION");
        assertThat(calendar.one("REFRESH-INTERVAL").value()).isEqualTo("P1D");
        var campDavid = event(calendar, "leaders-20230818@channels.trisec");
        assertThat(campDavid.one("SUMMARY").value()).isEqualTo("Leaders' summit");
        assertThat(campDavid.one("LOCATION").value()).isEqualTo("Camp David");
        assertThat(campDavid.one("DTSTART").params()).containsEntry("VALUE", "DATE");
        assertThat(campDavid.one("DTSTAMP").value()).isEqualTo("20261205T090000Z");
        assertThat(campDavid.one("CATEGORIES").value()).contains("leaders");
        var tokyo = event(calendar, "defense-ministers-20240728@channels.trisec");
        assertThat(tokyo.one("SUMMARY").value()).isEqualTo("Defense ministers (TSCF signed)");
        assertThat(tokyo.one("DESCRIPTION").value()).isEqualTo("Host: JPN");
    }

    @Test
    void theUidsAreTheSameOnEveryFetchAndEveryNodeAndNoTwoMeetingsShareOne() {
        var first = Rfc5545Reader.read(ChannelCalendar.ics("a", onRecord(), STAMP));
        var later = Rfc5545Reader.read(ChannelCalendar.ics("a", onRecord(), STAMP.plusSeconds(86_400 * 30)));
        List<String> uids = first.children().stream().map(c -> c.one("UID").value()).toList();
        assertThat(later.children().stream().map(c -> c.one("UID").value()).toList()).isEqualTo(uids);
        assertThat(uids).doesNotHaveDuplicates();
    }

    @Test
    void textIsEscapedAndLongLinesFoldedInOctetsSoBothReadersGetTheWordsBack() throws Exception {
        String place = "서울, 대한민국; 外交部 — a long place name that goes on well past the seventy-five octets a line"
                + " may hold";
        var e = new ChannelCalendar.Event("secretariat", "Trilateral secretariat", LocalDate.parse("2026-11-20"),
                LocalDate.parse("2026-11-20"), place, "2nd, planned", Optional.of(Party.of("USA")));
        String ics = ChannelCalendar.ics("Trilateral secretariat", List.of(e), STAMP);
        var mine = Rfc5545Reader.read(ics).children().getFirst();
        assertThat(mine.one("LOCATION").value()).isEqualTo(place);
        assertThat(mine.one("SUMMARY").value()).isEqualTo("Trilateral secretariat (2nd, planned)");
        VEvent theirs = parsed(ics).<VEvent>getComponents("VEVENT").getFirst();
        assertThat(theirs.getLocation().getValue()).isEqualTo(place);
        assertThat(theirs.getDateTimeEnd().getDate()).isEqualTo(LocalDate.parse("2026-11-21"));
    }

    @Test
    void theSecondReaderIsNotAPushover() {
        String good = ChannelCalendar.ics("a", onRecord(), STAMP);
        assertThatThrownBy(() -> Rfc5545Reader.read(good.replace("VERSION:2.0\r\n", "")))
                .hasMessageContaining("VERSION");
        assertThatThrownBy(() -> Rfc5545Reader.read(good.replaceFirst("UID:[^\r]*\r\n", "")))
                .hasMessageContaining("UID");
        assertThatThrownBy(() -> Rfc5545Reader.read(good.replace("\r\n", "\n"))).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> Rfc5545Reader.read(good.replaceFirst("END:VEVENT\r\n", "")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
