package trisec.party;

import trisec.DomainException;

/** A party code that the scenario does not define. */
public final class UnknownPartyException extends DomainException {
    public UnknownPartyException(String code, Iterable<Party> known) {
        super("unknown party '" + code + "' (known: " + String.join(", ", names(known)) + ")");
    }

    private static Iterable<String> names(Iterable<Party> parties) {
        var out = new java.util.ArrayList<String>();
        parties.forEach(p -> out.add(p.code()));
        return out;
    }
}
