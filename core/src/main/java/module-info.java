/**
 * trisec's domain: parties and classification schemes, topics, agreements and their lifecycles, labels, release and
 * access decisions, the scenario aggregate, options (hypothetical changes to a copy of the scenario, and what they
 * do to releases), the node's keys and sealed envelopes, the audit log's formats, missile warnings with their
 * great-circle geometry, and an item's interchange forms (STIX 2.1, the label bound to its payload). It depends on
 * nothing but the JDK (java.base, and java.xml for STANAG 4774 labels) and touches no files: reading and writing
 * is the scenario module's and the node's.
 */
module trisec.core {
    requires java.xml;

    exports trisec;
    exports trisec.agreement;
    exports trisec.audit.merkle;
    exports trisec.audit.note;
    exports trisec.audit.tiles;
    exports trisec.consult;
    exports trisec.envelope;
    exports trisec.interop;
    exports trisec.item;
    exports trisec.label;
    exports trisec.option;
    exports trisec.party;
    exports trisec.policy;
    exports trisec.scenario;
    exports trisec.topic;
    exports trisec.warning;
}
