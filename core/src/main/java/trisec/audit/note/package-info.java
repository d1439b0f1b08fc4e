/**
 * C2SP signed notes, checkpoints and witness cosignatures: the formats in which a national node publishes its audit
 * log's tree heads and in which its partners, as witnesses, vouch for them. Each format is implemented from its spec
 * and checked against published vectors (golang.org/x/mod/sumdb/note, the C2SP specs, sum.golang.org checkpoints,
 * sigsum-go and transparency-dev/formats tests), so any C2SP tool can read what trisec writes and the reverse.
 *
 * <ul>
 *   <li>{@link trisec.audit.note.SignedNote} — c2sp.org/signed-note: text, a blank line, {@code — name base64} lines.
 *   <li>{@link trisec.audit.note.Notes} — sign a text with {@link trisec.audit.note.NoteSigner}s; verify a note against
 *       the {@link trisec.audit.note.NoteVerifier}s one trusts (unknown keys ignored, a bad known signature refused).
 *   <li>{@link trisec.audit.note.Ed25519Notes} — signature type 0x01, what every implementation verifies;
 *       {@link trisec.audit.note.MlDsaNotes} — the node's ML-DSA-87 line (type 0xff plus an identifier), so each
 *       checkpoint is also signed post-quantum.
 *   <li>{@link trisec.audit.note.Checkpoint} — c2sp.org/tlog-checkpoint, the note text of a tree head.
 *   <li>{@link trisec.audit.note.Cosignatures} — c2sp.org/tlog-cosignature v1 (Ed25519, type 0x04).
 *   <li>{@link trisec.audit.note.LogKeys} — the node's Ed25519 log key and its PEM text (the node keeps it in an
 *       owner-only file).
 * </ul>
 *
 * As in {@code trisec.envelope}, callers do not pick algorithms: each class is one signature type. Everything that
 * reads partner input is strict (canonical base64, no leading zeros, size limits) and refuses with a
 * {@link trisec.audit.note.NoteException} that says why. The package knows nothing of Merkle trees or storage.
 */
package trisec.audit.note;
