package trisec.scenario;

import trisec.party.ClassificationScheme;
import trisec.party.Party;

/** A party of the cooperation, with its name and national classification scheme. */
public record Member(Party party, String name, ClassificationScheme scheme) {
    public Member {
        if (!scheme.party().equals(party)) {
            throw new IllegalArgumentException("the scheme of " + party + " is declared for " + scheme.party());
        }
    }
}
