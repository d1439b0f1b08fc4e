/**
 * Interchange with the tools analysts already use: an item as a STIX 2.1 bundle ({@link StixExport}), its label as
 * trisec's marking extension ({@link TrisecMarking}: the one mapping both ways), the deterministic ids
 * ({@link StixIds}), the STIX type each kind of item takes ({@link ItemKind}), and the label bound to its payload by
 * the originator's seal ({@link LabelBinding}, the STANAG 4778 idea). Everything here is plain data and pure
 * functions; JSON is the node's business, which writes these structures as they are built, in order.
 */
package trisec.interop;
