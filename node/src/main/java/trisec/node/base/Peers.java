package trisec.node.base;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import trisec.DomainException;
import trisec.envelope.KeyId;
import trisec.envelope.PublicIdentity;
import trisec.party.Party;

/**
 * The partner nodes this node talks to, from a peers file (YAML or JSON): each entry is what
 * {@code trisec keys export} prints for that partner — party, URL, key id and public keys.
 *
 * <pre>
 * peers:
 *   - {party: JPN, url: "https://jpn.example:8082", keyId: 0a1b…, signingKey: MIIK…, kemKey: MIIG…}
 * </pre>
 */
public final class Peers {
    private final Map<Party, Peer> byParty;

    public Peers(Collection<Peer> peers) {
        var map = new LinkedHashMap<Party, Peer>();
        for (Peer p : peers) {
            if (map.put(p.identity().party(), p) != null) {
                throw new DomainException("peer " + p.identity().party() + " is listed twice");
            }
        }
        this.byParty = java.util.Collections.unmodifiableMap(map);
    }

    public static Peers none() {
        return new Peers(java.util.List.of());
    }

    public Optional<Peer> of(Party party) {
        return Optional.ofNullable(byParty.get(party));
    }

    public Collection<Peer> all() {
        return byParty.values();
    }

    public static Peers load(Path file) {
        JsonNode root;
        try {
            if (!Files.isRegularFile(file)) {
                throw new DomainException("no peers file at '" + file + "'");
            }
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new DomainException("cannot read the peers file " + file + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.path("peers").isArray()) {
            throw new DomainException(file + ": a peers file has a list 'peers'");
        }
        var list = new java.util.ArrayList<Peer>();
        int n = 0;
        for (JsonNode entry : root.path("peers")) {
            n++;
            list.add(peer(entry, file + ", peer " + n));
        }
        return new Peers(list);
    }

    /**
     * The public identities a file gives: a peers file's ({@code peers:}), or the one entry {@code trisec keys
     * export} prints, with or without a URL. For checking what nodes signed (a joint statement's document) offline,
     * where no node is reached.
     */
    public static Map<Party, PublicIdentity> identities(Path file) {
        JsonNode root;
        try {
            if (!Files.isRegularFile(file)) {
                throw new DomainException("no keys file at '" + file + "'");
            }
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new DomainException("cannot read the keys file " + file + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        var out = new LinkedHashMap<Party, PublicIdentity>();
        if (root != null && root.path("peers").isArray()) {
            int n = 0;
            for (JsonNode entry : root.path("peers")) {
                n++;
                var identity = identity(entry, file + ", peer " + n);
                if (out.put(identity.party(), identity) != null) {
                    throw new DomainException(file + ": " + identity.party() + " is listed twice");
                }
            }
        } else if (root != null && root.isObject() && root.has("party")) {
            var identity = identity(root, file.toString());
            out.put(identity.party(), identity);
        } else {
            throw new DomainException(file + ": a keys file is a peers file (a list 'peers') or one entry as "
                    + "'trisec keys export' prints it");
        }
        return out;
    }

    /** An entry's party and public keys, its key id checked against them when it states one. */
    public static PublicIdentity identity(JsonNode entry, String where) {
        String party = text(entry, "party", where);
        if (!Party.isCode(party)) {
            throw new DomainException(where + ": '" + party + "' is not a party code");
        }
        PublicIdentity identity;
        try {
            identity = PublicIdentity.of(Party.of(party), Base64.getDecoder().decode(text(entry, "signingKey", where)),
                    Base64.getDecoder().decode(text(entry, "kemKey", where)));
        } catch (IllegalArgumentException e) {
            throw new DomainException(where + ": the public keys do not decode: " + e.getMessage());
        }
        if (entry.hasNonNull("keyId")) {
            KeyId stated;
            try {
                stated = KeyId.of(entry.get("keyId").asText());
            } catch (IllegalArgumentException e) {
                throw new DomainException(where + ": " + e.getMessage());
            }
            if (!stated.equals(identity.keyId())) {
                throw new DomainException(where + ": keyId " + stated + " does not match the keys ("
                        + identity.keyId() + ")");
            }
        }
        return identity;
    }

    /** One entry as {@code trisec keys export} prints it. */
    public static Peer peer(JsonNode entry, String where) {
        PublicIdentity identity = identity(entry, where);
        String url = text(entry, "url", where);
        URI uri;
        try {
            uri = URI.create(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new DomainException(where + ": '" + url + "' is not an http(s) URL");
        }
        Optional<String> logKey = Optional.ofNullable(entry.get("logKey")).map(JsonNode::asText);
        if (logKey.isPresent()) {
            String origin = Peer.logOrigin(identity);
            try {
                var verifier = trisec.audit.note.Ed25519Notes.verifierFromVkey(logKey.get());
                if (!verifier.keyName().equals(origin)) {
                    throw new IllegalArgumentException("it names " + verifier.keyName() + ", not " + origin);
                }
            } catch (IllegalArgumentException e) {
                throw new DomainException(where + ": logKey is not this node's log key: " + e.getMessage());
            }
        }
        return new Peer(identity, uri, logKey);
    }

    private static String text(JsonNode entry, String field, String where) {
        JsonNode v = entry.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new DomainException(where + ": '" + field + "' is missing");
        }
        return v.asText().strip();
    }

    /** The entry {@code trisec keys export} prints for a node. */
    public static Map<String, Object> export(PublicIdentity identity, Optional<URI> url, Optional<String> logKey) {
        var m = new LinkedHashMap<String, Object>();
        m.put("party", identity.party().code());
        url.ifPresent(u -> m.put("url", u.toString()));
        m.put("keyId", identity.keyId().value());
        m.put("signingKey", Base64.getEncoder().encodeToString(identity.signingKey()));
        m.put("kemKey", Base64.getEncoder().encodeToString(identity.kemKey()));
        logKey.ifPresent(k -> m.put("logKey", k));
        return m;
    }
}
