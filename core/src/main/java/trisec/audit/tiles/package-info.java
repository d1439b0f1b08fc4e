/**
 * A Merkle tree kept as C2SP tlog-tiles: hash tiles of up to 256 hashes at every eighth tree level, entry bundles,
 * and the resource paths a log serves them at (<a href="https://c2sp.org/tlog-tiles">c2sp.org/tlog-tiles</a>).
 *
 * <p>{@link trisec.audit.tiles.TiledTree} is the log's logic — appending leaf hashes, reading back any full subtree
 * — and knows nothing of where tiles live: each backend is a small {@link trisec.audit.tiles.TileStore} driver
 * ({@link trisec.audit.tiles.MemoryTiles} here, a database in the node). Proofs come from
 * {@link trisec.audit.merkle.Proofs} reading the tree as a {@link trisec.audit.merkle.HashReader}.
 */
package trisec.audit.tiles;
