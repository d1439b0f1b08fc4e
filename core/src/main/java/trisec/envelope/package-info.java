/**
 * The node's keys, signatures and sealed envelopes: the application-layer protection of every message between
 * national nodes (DESIGN §3, Transport), so that a relay, a hub or a broken TLS session learns nothing and can
 * change nothing.
 *
 * <p>The suite is fixed to NSA's CNSA 2.0 as the JDK 25 provides it: ML-DSA-87 (FIPS 204) signatures,
 * ML-KEM-1024 (FIPS 203) key encapsulation, HKDF-SHA384 (RFC 5869) and AES-256-GCM (SP 800-38D). As in Tink,
 * callers see a few misuse-resistant operations ({@link trisec.envelope.Envelopes#seal seal} /
 * {@link trisec.envelope.Envelopes#open open}, {@link trisec.envelope.Signatures#sign sign} /
 * {@link trisec.envelope.Signatures#verify verify}) and never choose an algorithm, a nonce or a mode.
 *
 * <p>Every signature in the package is taken over {@link trisec.envelope.Canonical} bytes whose first field names
 * what is signed (an envelope, a statement for a purpose, a plain message), so no signature made for one use can be
 * presented as another. Wire formats (JSON) belong to the node; everything here is plain bytes and strings.
 */
package trisec.envelope;
