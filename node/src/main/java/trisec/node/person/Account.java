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

    public Person person() {
        return new Person(username, nationality, clearance, needToKnow);
    }
}
