package org.pscfederator.core.identifiers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The idNat prefix table, read from {@code identifiers/idnat-prefixes.csv} ({@code prefix;kind;origine;description}).
 * It is data because only the RPPS and ADELI prefixes are confirmed (docs/domain/identifiers.md): the others may
 * change without a code change.
 */
public final class IdNatPrefixes {

    public static final String RESOURCE = "identifiers/idnat-prefixes.csv";
    private static final String HEADER = "prefix;kind;origine;description";

    private static volatile IdNatPrefixes standard;

    /** Longest first, so that a longer prefix wins over a shorter one it starts with. */
    private final List<IdNatPrefix> rows;

    private IdNatPrefixes(List<IdNatPrefix> rows) {
        List<IdNatPrefix> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt((IdNatPrefix r) -> r.prefix().length()).reversed());
        this.rows = List.copyOf(sorted);
    }

    /** The table shipped in this jar. */
    public static IdNatPrefixes standard() {
        IdNatPrefixes s = standard;
        if (s == null) {
            try (InputStream in = IdNatPrefixes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                s = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            standard = s;
        }
        return s;
    }

    /** Reads a table in the format of {@link #RESOURCE}. */
    public static IdNatPrefixes read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (!HEADER.equals(header)) {
            throw new IllegalArgumentException("idNat prefix table: the header must be '" + HEADER + "'");
        }
        List<IdNatPrefix> rows = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(";", 4);
            if (f.length != 4 || f[0].isEmpty()) {
                throw new IllegalArgumentException("idNat prefix table, line " + number + ": expected " + HEADER);
            }
            IdNatKind kind;
            try {
                kind = IdNatKind.valueOf(f[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("idNat prefix table, line " + number + ": unknown kind '" + f[1]
                        + "'");
            }
            for (IdNatPrefix other : rows) {
                if (other.prefix().equals(f[0]) || other.kind() == kind) {
                    throw new IllegalArgumentException("idNat prefix table, line " + number
                            + ": prefix or kind listed twice");
                }
            }
            rows.add(new IdNatPrefix(f[0], kind, f[2], f[3]));
        }
        return new IdNatPrefixes(rows);
    }

    /** The row whose prefix starts {@code idNat} (the longest one), if any. */
    public Optional<IdNatPrefix> find(String idNat) {
        for (IdNatPrefix row : rows) {
            if (idNat.startsWith(row.prefix())) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** The row for {@code kind}, if the table has one. */
    public Optional<IdNatPrefix> of(IdNatKind kind) {
        return rows.stream().filter(r -> r.kind() == kind).findFirst();
    }

    public List<IdNatPrefix> all() {
        return rows;
    }
}
