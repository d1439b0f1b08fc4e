package trisec.consult;

import java.time.Period;
import java.util.List;
import java.util.Optional;
import trisec.party.Party;

/**
 * A consultation channel of the cooperation (leaders, ministers, advisors, working talks, track 1.5): who
 * meets, how often, whose turn it is to host or lead ({@code rotation}, every {@code rotationPeriod}), and
 * the meetings on record.
 *
 * @param modelled the cadence is not from a public source but a modelled value to be corrected
 */
public record Channel(
        String id,
        String name,
        Cadence cadence,
        boolean modelled,
        List<Party> rotation,
        Optional<Period> rotationPeriod,
        List<Meeting> meetings,
        String notes) {

    public Channel {
        rotation = List.copyOf(rotation);
        meetings = List.copyOf(meetings);
    }
}
