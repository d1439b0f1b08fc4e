package trisec.node.person;

import java.util.Set;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.Person;
import trisec.topic.TopicScope;

/** A signed-in person of this node. */
public record Account(String id, String username, Party nationality, Level clearance, TopicScope needToKnow,
                      Set<Role> roles) {
    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** A track 1.5 participant: sees only that channel's unclassified records (see {@link Role#PARTICIPANT}). */
    public boolean participant() {
        return is(Role.PARTICIPANT);
    }

    public Person person() {
        return new Person(username, nationality, clearance, needToKnow);
    }
}
