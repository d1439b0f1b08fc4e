package trisec.node.web;

import java.util.List;
import java.util.Optional;

/**
 * The consultation pages' models: the list with the commitment's standing (the open form, or why there is none),
 * and one room. Every text is in the viewer's language; the subject's title is there only for a reader of it.
 */
public final class ConsultationView {
    private ConsultationView() {}

    /** {@code canOpen} false: {@code why} says why the button is absent. */
    public record Listing(boolean canOpen, String why, String commitment, String subject, List<Summary> consultations) {
        public Listing {
            consultations = List.copyOf(consultations);
        }
    }

    /** {@code closed}: when and by whom it was closed, or empty while it is open. */
    public record Summary(String id, String opener, String openedAt, String since, String subject,
                          String acknowledged, Optional<String> closed) {}

    /**
     * {@code closed}: when, by whom and with what outcome it was closed; while it is open, the forms for drafts and
     * actions, and {@code closePath} for the opener's officers.
     */
    public record Room(String id, String opener, String openedAt, String since, String subject, String banner,
                       String bannerCss, List<Party> parties, List<Draft> drafts, List<Action> actions,
                       Optional<String> acknowledgePath, List<Models.Option> owners, String today,
                       Optional<String> closed, Optional<String> closePath) {
        public Room {
            parties = List.copyOf(parties);
            drafts = List.copyOf(drafts);
            actions = List.copyOf(actions);
            owners = List.copyOf(owners);
        }
    }

    /**
     * {@code release}: where a reader of the subject asks for its release to this party (the release flow);
     * {@code withheld}: why the release policy kept this party's steps from it, if it did.
     */
    public record Party(String code, String name, String acknowledged, String holding, Optional<String> release,
                        Optional<String> withheld) {}

    public record Draft(String code, String name, String text, String when) {}

    public record Action(String id, String title, String owner, String due, String status, String statusCode,
                         String when) {}
}
