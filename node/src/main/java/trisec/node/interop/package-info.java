/**
 * Interchange: an item this node holds as a STIX 2.1 bundle for the person asking ({@link Exports}), and its label
 * bound to its payload as the NATO JSON binding ({@link BindingJson}), which {@code trisec label} reads and writes
 * too. The forms themselves are core's ({@code trisec.interop}); this package decides what kind an item is, reads it
 * through the access policy, and writes JSON. docs/INTEROP.md describes both.
 */
package trisec.node.interop;
