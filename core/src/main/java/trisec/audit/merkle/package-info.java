/**
 * Merkle trees as RFC 6962 §2.1 defines them and RFC 9162 §2.1 restates them: the hashing ({@link
 * trisec.audit.merkle.Rfc6962}), proof generation over stored subtree hashes ({@link trisec.audit.merkle.Proofs}) and
 * proof verification ({@link trisec.audit.merkle.Verify}).
 *
 * <p>Nothing here knows where hashes are kept. Generation reads the hashes of full, aligned subtrees through a
 * {@link trisec.audit.merkle.HashReader} — tiles, a database, a test's array — and every Merkle Tree Hash a proof needs
 * is assembled from O(log n) such reads, never from the leaves. Interop with other RFC 6962 implementations is checked
 * against the published test vectors of certificate-transparency and transparency-dev/merkle.
 */
package trisec.audit.merkle;
