package org.pscfederator.directorystore;

import java.util.List;
import java.util.Locale;

import org.pscfederator.core.identifiers.IdNat;
import org.pscfederator.directory.NationalColumn;

/**
 * One row of the directory: a line of the national file (one activity of a professional), or a staff card
 * holder, with the national file's 56 columns in their order.
 */
public record DirectoryEntry(String idNat, Kind kind, List<String> fields) {

    public static final int FIELD_COUNT = NationalColumn.COUNT;
    /** Joins the fields of a stored line: the national file's separator, which no field can hold. */
    static final char SEPARATOR = '|';

    /** The card a professional holds: CPS for the national file's professionals, CPE or CPA for structure staff. */
    public enum Kind {
        PS(Directory.NATIONAL), CPE(Directory.STAFF), CPA(Directory.STAFF);

        private final Directory directory;

        Kind(Directory directory) {
            this.directory = directory;
        }

        public Directory directory() {
            return directory;
        }
    }

    /** The two directories, each replaced as a whole by its own imports. */
    public enum Directory { NATIONAL, STAFF }

    public DirectoryEntry {
        if (!IdNat.wellFormed(idNat)) {
            throw new IllegalArgumentException("not an idNat: " + idNat);
        }
        if (fields.size() != FIELD_COUNT) {
            throw new IllegalArgumentException("an entry has " + FIELD_COUNT + " fields, not " + fields.size());
        }
        for (String field : fields) {
            if (field.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("a field cannot hold '" + SEPARATOR + "'");
            }
        }
        fields = List.copyOf(fields);
    }

    /** The fields as one line, as stored. */
    String line() {
        return String.join(String.valueOf(SEPARATOR), fields);
    }

    /** The name searched for by the admin console: the national file's nom d'exercice. */
    String nameUpper() {
        return field(NationalColumn.NOM_EXERCICE).toUpperCase(Locale.ROOT);
    }

    static List<String> fieldsOf(String line) {
        return List.of(line.split("\\" + SEPARATOR, -1));
    }

    public String field(NationalColumn column) {
        return fields.get(column.ordinal());
    }
}
