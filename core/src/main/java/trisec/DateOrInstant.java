package trisec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the moments people type: a date means 00:00 UTC that day (DESIGN §2.6); an instant carries an offset. */
public final class DateOrInstant {
    private DateOrInstant() {}

    /** @throws DomainException naming the text when it is neither a date nor an instant */
    public static Instant parse(String text) {
        String t = text == null ? "" : text.strip();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new DomainException("'" + text + "' is neither a date (2017-03-01) nor an instant with an offset "
                    + "(2017-03-01T09:00:00Z)");
        }
    }
}
