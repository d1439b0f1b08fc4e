package trisec.agreement;

/** What an agreement is, which decides what the release policy may rest on it. */
public enum AgreementKind {
    /** An alliance treaty. No release rests on it directly. */
    TREATY,
    /** A security-of-information agreement (a GSOMIA): the basis of a direct release. */
    SIA,
    /** A TISA-style arrangement: partners share through a hub party, protected by the bilateral SIAs. */
    HUB_ARRANGEMENT,
    /** A data link such as the missile-warning mechanism. */
    DATA_MECHANISM,
    /** A framework of consultation and cooperation. */
    FRAMEWORK,
    /** A political commitment, such as the Commitment to Consult. */
    COMMITMENT
}
