package org.pscfederator.directory;

import java.util.Objects;
import java.util.Optional;

/**
 * A national identifier (idNat): a prefix naming the registry, then that registry's identifier, e.g.
 * {@code 899700366240} = {@code 8} (RPPS) + {@code 99700366240}. It is the username of a professional.
 */
public final class IdNat {

    private final String value;
    private final IdNatPrefix prefix;

    private IdNat(String value, IdNatPrefix prefix) {
        this.value = value;
        this.prefix = prefix;
    }

    /** Parses with the shipped prefix table. */
    public static IdNat parse(String value) {
        return parse(value, IdNatPrefixes.standard());
    }

    /** @throws InvalidIdNatException with the reason when {@code value} is not a valid idNat */
    public static IdNat parse(String value, IdNatPrefixes prefixes) {
        Objects.requireNonNull(value, "value");
        IdNatPrefix row = prefixes.find(value).orElse(null);
        String problem = problemWith(value, row);
        if (problem != null) {
            throw new InvalidIdNatException(problem);
        }
        return new IdNat(value, row);
    }

    /** Why {@code value} is not a valid idNat, or empty when it is (for callers that must not throw per line). */
    public static Optional<String> problemWith(String value, IdNatPrefixes prefixes) {
        return Optional.ofNullable(problemWith(value, prefixes.find(value).orElse(null)));
    }

    /** Parses a value already known to be valid by {@link #problemWith(String, IdNatPrefixes)}. */
    static IdNat trusted(String value, IdNatPrefixes prefixes) {
        return new IdNat(value, prefixes.find(value).orElseThrow());
    }

    private static String problemWith(String value, IdNatPrefix row) {
        if (value.isEmpty()) {
            return "empty identifier";
        }
        if (row == null) {
            return "identifier '" + value + "' has no known prefix (see " + IdNatPrefixes.RESOURCE + ")";
        }
        String registryId = value.substring(row.prefix().length());
        String problem = row.kind().problemWith(registryId);
        return problem == null ? null : "identifier '" + value + "': " + problem;
    }

    public String value() {
        return value;
    }

    public IdNatKind kind() {
        return prefix.kind();
    }

    /** The prefix, e.g. {@code 8}. */
    public String prefix() {
        return prefix.prefix();
    }

    /** The registry's own identifier: the idNat without its prefix (for staff, {@code <structure>/<internal>}). */
    public String registryId() {
        return value.substring(prefix.prefix().length());
    }

    /** The value of PSC's {@code otherIds[].origine} for this identifier, e.g. {@code RPPS}. */
    public String origine() {
        return prefix.origine();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdNat && ((IdNat) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
