package trisec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The one pair of bounds every date a person or a file gives is held to, at its edges. */
class DateBoundsTest {

    @Test
    void theDaysRunFromTheFirstOf1900ToTheLastOf2199BothIncluded() {
        assertThat(DateBounds.contains(LocalDate.parse("1900-01-01"))).isTrue();
        assertThat(DateBounds.contains(LocalDate.parse("1899-12-31"))).isFalse();
        assertThat(DateBounds.contains(LocalDate.parse("2199-12-31"))).isTrue();
        assertThat(DateBounds.contains(LocalDate.parse("2200-01-01"))).isFalse();
        assertThat(DateBounds.contains(LocalDate.MIN)).isFalse();
        assertThat(DateBounds.contains(LocalDate.MAX)).isFalse();
    }

    @Test
    void theInstantsAreThoseOfTheDaysInUtc() {
        assertThat(DateBounds.FIRST_INSTANT).isEqualTo(DateOrInstant.parse("1900-01-01"));
        assertThat(DateBounds.END).isEqualTo(DateOrInstant.parse("2200-01-01"));
        assertThat(DateBounds.contains(DateBounds.FIRST_INSTANT)).isTrue();
        assertThat(DateBounds.contains(DateBounds.FIRST_INSTANT.minusNanos(1))).isFalse();
        assertThat(DateBounds.contains(DateOrInstant.parse("2199-12-31T23:59:59.999999999Z"))).isTrue();
        // Late on the last day somewhere east of UTC is still in it; the next day in UTC is not.
        assertThat(DateBounds.contains(DateOrInstant.parse("2200-01-01T08:59:59+09:00"))).isTrue();
        assertThat(DateBounds.contains(DateBounds.END)).isFalse();
        assertThat(DateBounds.contains(Instant.MAX)).isFalse();
        assertThat(DateBounds.contains(Instant.MIN)).isFalse();
    }
}
