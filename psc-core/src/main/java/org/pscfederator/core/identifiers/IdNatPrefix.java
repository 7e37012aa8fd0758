package org.pscfederator.core.identifiers;

/**
 * One row of the idNat prefix table.
 *
 * @param prefix      what an idNat of this kind starts with
 * @param kind        the registry, which decides how the rest is checked
 * @param origine     the value PSC puts in {@code otherIds[].origine} for this kind
 * @param description for operators
 */
public record IdNatPrefix(String prefix, IdNatKind kind, String origine, String description) {
}
