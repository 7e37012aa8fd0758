package org.pscfederator.core.identifiers;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A national identifier (idNat): a prefix naming the registry, then that registry's identifier, e.g.
 * {@code 899700366240} = {@code 8} (RPPS) + {@code 99700366240}. It is the username of a professional.
 *
 * <p>Two checks, one home: {@link #parse} is the registry's full rule (known prefix, each kind's shape, the RPPS
 * Luhn key), for directory files; {@link #wellFormed} is only the shape every idNat has, for what arrives at a login
 * (typed, sent by a device, read from a card), so that an unknown or mistyped identifier looks the same as a known
 * one and the directory answers "not found" itself.
 */
public final class IdNat {

    /** Longest idNat: what the login pages have always taken, within the stores' 64-character columns. */
    public static final int MAX_LENGTH = 40;

    /**
     * The shape of every idNat: upper-case letters and digits (usernames are looked up in upper case), and for
     * structure staff one '/' before an internal identifier that may also hold '-' and '_'.
     */
    private static final Pattern SHAPE = Pattern.compile("[0-9A-Z]+(/[0-9A-Z_-]+)?");

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

    /** True when {@code value} has the shape of an idNat (not checked against the prefix table or a key). */
    public static boolean wellFormed(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH && SHAPE.matcher(value).matches();
    }

    /**
     * An identifier typed by a professional or sent by a device, stripped and upper-cased as the directory keeps
     * them, when it is {@link #wellFormed}; anything else is refused before any lookup.
     */
    public static Optional<String> typed(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String value = typed.strip().toUpperCase(Locale.ROOT);
        return wellFormed(value) ? Optional.of(value) : Optional.empty();
    }

    /** Parses a value already known to be valid by {@link #problemWith(String, IdNatPrefixes)} (file readers). */
    public static IdNat trusted(String value, IdNatPrefixes prefixes) {
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
        if (problem == null && !wellFormed(value)) {
            problem = "an idNat has at most " + MAX_LENGTH + " characters, upper-case letters and digits";
        }
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
