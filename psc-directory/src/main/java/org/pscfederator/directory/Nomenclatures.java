package org.pscfederator.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** All nomenclature tables, loaded once from the data files shipped in this jar. */
public final class Nomenclatures {

    private static volatile Nomenclatures standard;

    private final Map<NomenclatureTable, Nomenclature> tables;

    private Nomenclatures(Map<NomenclatureTable, Nomenclature> tables) {
        this.tables = tables;
    }

    /** The tables shipped in this jar. A missing or malformed file is a packaging bug and fails loudly. */
    public static Nomenclatures standard() {
        Nomenclatures s = standard;
        if (s == null) {
            Map<NomenclatureTable, Nomenclature> tables = new EnumMap<>(NomenclatureTable.class);
            for (NomenclatureTable table : NomenclatureTable.values()) {
                try (InputStream in = Nomenclatures.class.getClassLoader().getResourceAsStream(table.resource())) {
                    if (in == null) {
                        throw new IllegalStateException("missing resource " + table.resource());
                    }
                    tables.put(table, Nomenclature.read(table, in));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + table.resource(), e);
                }
            }
            s = new Nomenclatures(tables);
            standard = s;
        }
        return s;
    }

    public Nomenclature table(NomenclatureTable table) {
        return tables.get(table);
    }

    /** The French label of {@code code} in {@code table}, if the code is known. */
    public Optional<String> label(NomenclatureTable table, String code) {
        return tables.get(table).label(code);
    }

    public boolean isKnown(NomenclatureTable table, String code) {
        return tables.get(table).isKnown(code);
    }
}
