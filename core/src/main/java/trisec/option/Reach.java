package trisec.option;

/** How an originator's information can reach another party, as the release policy decides a release of it. */
public enum Reach {
    /** On a direct route, under an SIA between the two. */
    DIRECT,
    /** Only through a hub (a hub arrangement, or a data mechanism for its own data), which forwards with consent. */
    VIA_HUB,
    /** Not at all. */
    NONE
}
