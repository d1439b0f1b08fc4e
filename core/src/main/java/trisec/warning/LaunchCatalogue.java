package trisec.warning;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import trisec.DomainException;

/** The public launches a replay can be asked for, one a day at most, in time order. */
public record LaunchCatalogue(List<PublicLaunch> launches) {
    public LaunchCatalogue {
        Require.present("a catalogue's launches", launches);
        var days = new HashSet<LocalDate>();
        for (PublicLaunch launch : launches) {
            if (!days.add(Require.present("a catalogue entry", launch).date())) {
                throw new DomainException("the catalogue has two launches on " + launch.date()
                        + "; a replay is asked for by day, so there can be only one");
            }
        }
        launches = launches.stream().sorted(Comparator.comparing(PublicLaunch::launchedAt)).toList();
    }

    /**
     * The launch on {@code day}.
     *
     * @throws DomainException naming the days there are, when there is none that day
     */
    public PublicLaunch on(LocalDate day) {
        return launches.stream().filter(l -> l.date().equals(day)).findFirst()
                .orElseThrow(() -> new DomainException("no launch on " + day + " in the catalogue (it has: "
                        + String.join(", ", launches.stream().map(l -> l.date().toString()).toList()) + ")"));
    }
}
