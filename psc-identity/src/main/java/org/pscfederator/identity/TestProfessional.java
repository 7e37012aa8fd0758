package org.pscfederator.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.pscfederator.directory.Nomenclature;
import org.pscfederator.directory.NomenclatureTable;
import org.pscfederator.directory.Nomenclatures;

import picocli.CommandLine.TypeConversionException;

/**
 * The professional {@code psc-identity create} is asked for: a profession, a category, a mode of practice and a
 * sector, each a code of its ANS nomenclature (the tables the directory's import checks), a structure and names.
 * What is not given takes a default; what is given and not in its table is refused with the table's codes.
 */
record TestProfessional(String profession, String category, String mode, String sector, String structureId,
        String structureName, String firstName, String lastName) {

    static final String DEFAULT_CATEGORY = "C";
    static final String DEFAULT_MODE = "L";
    /** Liberal (and volunteer) practice in a cabinet individuel; salaried in a public hospital. */
    static final String LIBERAL_SECTOR = "SA07";
    static final String SALARIED_SECTOR = "SA01";
    static final String DEFAULT_FIRST_NAME = "TEST";
    /** Where a vendor finds the codes: the nomenclature files and their page. */
    static final String WHERE_CODES_ARE = "docs/directory-files.md#nomenclatures, "
            + "psc-directory/src/main/resources/directory/nomenclatures/";

    /** Letters of any language, spaces, hyphens and apostrophes: what a name in the national file holds. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L} '-]{0,49}");
    private static final Pattern STRUCTURE_ID = Pattern.compile("[A-Z0-9]{1,30}");
    private static final int MAX_STRUCTURE_NAME = 100;
    /** Tables this long are listed by code only in an error line. */
    private static final int LISTED_WITH_LABELS = 30;

    /** The options as typed; {@link #from} checks them. */
    record Given(String profession, String category, String mode, String sector, String structureId,
            String structureName, String firstName, String lastName) {
    }

    /** @throws TypeConversionException naming the option and where its valid values are */
    static TestProfessional from(Given given, Nomenclatures nomenclatures) {
        if (given.profession() == null || given.profession().isBlank()) {
            throw new TypeConversionException("--profession is required: a code of "
                    + NomenclatureTable.PROFESSION + ": " + codes(nomenclatures, NomenclatureTable.PROFESSION));
        }
        String profession = code("--profession", given.profession(), NomenclatureTable.PROFESSION, nomenclatures);
        String category = code("--category", orDefault(given.category(), DEFAULT_CATEGORY),
                NomenclatureTable.CATEGORIE_PROFESSIONNELLE, nomenclatures);
        String mode = code("--mode", orDefault(given.mode(), DEFAULT_MODE), NomenclatureTable.MODE_EXERCICE,
                nomenclatures);
        String sector = code("--sector", orDefault(given.sector(), mode.equals("S") ? SALARIED_SECTOR
                : LIBERAL_SECTOR), NomenclatureTable.SECTEUR_ACTIVITE, nomenclatures);
        String structureId = given.structureId() == null ? null : given.structureId().strip().toUpperCase(Locale.ROOT);
        if (structureId != null && !STRUCTURE_ID.matcher(structureId).matches()) {
            throw new TypeConversionException("--structure: a structure's technical identifier is 1 to 30 letters and"
                    + " digits (e.g. R10000012345), not '" + given.structureId() + "'");
        }
        return new TestProfessional(profession, category, mode, sector, structureId,
                structureName(given.structureName()), name("--first-name", given.firstName()),
                name("--last-name", given.lastName()));
    }

    /** The first name, or the default one. */
    String firstNameOrDefault() {
        return firstName != null ? firstName : DEFAULT_FIRST_NAME;
    }

    private static String code(String option, String value, NomenclatureTable table, Nomenclatures nomenclatures) {
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!nomenclatures.isKnown(table, code)) {
            throw new TypeConversionException(option + " " + value + ": not a code of " + table + "; its codes: "
                    + codes(nomenclatures, table) + " (see " + WHERE_CODES_ARE + table.resource()
                    .substring(table.resource().lastIndexOf('/') + 1) + ")");
        }
        return code;
    }

    /** The table's codes for an error line, with their labels when the table is short. */
    private static String codes(Nomenclatures nomenclatures, NomenclatureTable table) {
        Nomenclature codes = nomenclatures.table(table);
        boolean labelled = codes.codes().size() <= LISTED_WITH_LABELS;
        return codes.codes().stream().sorted().map(code -> labelled ? code + " " + codes.label(code).orElse("")
                : code).collect(Collectors.joining(" | "));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String name(String option, String value) {
        if (value == null) {
            return null;
        }
        String name = value.strip();
        if (!NAME.matcher(name).matches()) {
            throw new TypeConversionException(option + ": a name is 1 to 50 letters, spaces, hyphens or apostrophes,"
                    + " not '" + value + "'");
        }
        return name.toUpperCase(Locale.ROOT);
    }

    private static String structureName(String value) {
        if (value == null) {
            return null;
        }
        String name = value.strip();
        Optional<String> problem = name.isEmpty() ? Optional.of("is empty")
                : name.length() > MAX_STRUCTURE_NAME ? Optional.of("has more than " + MAX_STRUCTURE_NAME + " characters")
                : name.chars().anyMatch(c -> c == '|' || Character.isISOControl(c))
                        ? Optional.of("cannot hold '|' nor control characters") : Optional.empty();
        if (problem.isPresent()) {
            throw new TypeConversionException("--structure-name " + problem.get());
        }
        return name.toUpperCase(Locale.ROOT);
    }
}
