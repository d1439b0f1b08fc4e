package trisec.agreement;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Where an agreement stands on a given instant. */
public sealed interface AgreementStatus {

    /** A stable code for machines: {@code NOT_YET_SIGNED}, {@code SIGNED}, {@code IN_FORCE}, {@code TERMINATED}. */
    String code();

    /** A phrase for people: "in force with termination effective 2019-11-23". */
    String describe();

    default boolean inForce() {
        return this instanceof InForce;
    }

    record NotYetSigned() implements AgreementStatus {
        public String code() {
            return "NOT_YET_SIGNED";
        }

        public String describe() {
            return "not yet signed";
        }
    }

    record Signed(Instant since) implements AgreementStatus {
        public String code() {
            return "SIGNED";
        }

        public String describe() {
            return "signed " + format(since) + ", not in force";
        }
    }

    /**
     * In force since {@code since}; {@code terminationEffective} is set while a termination notice is pending;
     * {@code noticeSuspended} when a notice was given and then suspended (it may be revived by a new notice).
     */
    record InForce(Instant since, Optional<Instant> terminationEffective, boolean noticeSuspended)
            implements AgreementStatus {
        public String code() {
            return terminationEffective.isPresent() ? "IN_FORCE_TERMINATION_PENDING" : "IN_FORCE";
        }

        public String describe() {
            if (terminationEffective.isPresent()) {
                return "in force with termination effective " + format(terminationEffective.get());
            }
            return noticeSuspended ? "in force (termination notice suspended)" : "in force";
        }
    }

    record Terminated(Instant at) implements AgreementStatus {
        public String code() {
            return "TERMINATED";
        }

        public String describe() {
            return "terminated " + format(at);
        }
    }

    /** A date when the instant is midnight UTC (how facts are usually dated), else the full instant. */
    static String format(Instant t) {
        var utc = t.atOffset(ZoneOffset.UTC);
        return utc.toLocalTime().equals(LocalTime.MIDNIGHT) ? utc.toLocalDate().toString() : t.toString();
    }
}
