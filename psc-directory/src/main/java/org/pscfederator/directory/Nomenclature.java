package org.pscfederator.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One nomenclature table: its codes and their (French) labels. */
public final class Nomenclature {

    static final String HEADER = "code;label";

    private final NomenclatureTable table;
    private final Map<String, String> labels;

    private Nomenclature(NomenclatureTable table, Map<String, String> labels) {
        this.table = table;
        this.labels = Collections.unmodifiableMap(labels);
    }

    /** Reads a {@code code;label} CSV (UTF-8, header first; the label is everything after the first ';'). */
    public static Nomenclature read(NomenclatureTable table, InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header != null && header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (!HEADER.equals(header)) {
            throw new IllegalArgumentException(table + ": the header must be '" + HEADER + "'");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            int semicolon = line.indexOf(';');
            if (semicolon <= 0) {
                throw new IllegalArgumentException(table + ", line " + number + ": expected code;label");
            }
            String code = line.substring(0, semicolon);
            if (labels.put(code, line.substring(semicolon + 1)) != null) {
                throw new IllegalArgumentException(table + ", line " + number + ": code " + code + " listed twice");
            }
        }
        return new Nomenclature(table, labels);
    }

    public NomenclatureTable table() {
        return table;
    }

    public Optional<String> label(String code) {
        return Optional.ofNullable(labels.get(code));
    }

    public boolean isKnown(String code) {
        return labels.containsKey(code);
    }

    public Set<String> codes() {
        return labels.keySet();
    }
}
