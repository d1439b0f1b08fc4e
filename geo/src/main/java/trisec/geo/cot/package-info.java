/**
 * A warning as a Cursor-on-Target event, for TAK clients and servers: {@link trisec.geo.cot.WarningCot}. See
 * {@code docs/WARNINGS.md}, "Cursor-on-Target".
 */
package trisec.geo.cot;
