package trisec.policy;

import trisec.party.Level;
import trisec.party.Party;
import trisec.topic.TopicScope;

/** A person at a node: nationality, clearance in the node's national scheme, need-to-know topics. */
public record Person(String name, Party nationality, Level clearance, TopicScope needToKnow) {}
