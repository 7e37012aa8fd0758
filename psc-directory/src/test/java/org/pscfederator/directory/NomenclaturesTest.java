package org.pscfederator.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class NomenclaturesTest {

    private final Nomenclatures nomenclatures = Nomenclatures.standard();

    @Test
    void everyTableLoadsFromItsDataFile() {
        for (NomenclatureTable table : NomenclatureTable.values()) {
            assertThat(nomenclatures.table(table).codes()).as(table.toString()).isNotEmpty();
        }
    }

    @Test
    void designValuesAreKnownWithTheirFrenchLabels() {
        assertThat(nomenclatures.table(NomenclatureTable.PROFESSION).codes()).containsExactly("10", "21", "26", "28",
                "31", "32", "40", "50", "60", "69", "70", "80", "81", "82", "83", "84", "85", "86", "91", "92", "94",
                "95", "96", "98");
        assertThat(nomenclatures.label(NomenclatureTable.PROFESSION, "10")).contains("Médecin");
        assertThat(nomenclatures.label(NomenclatureTable.PROFESSION, "70")).contains("Masseur-Kinésithérapeute");
        assertThat(nomenclatures.table(NomenclatureTable.CATEGORIE_PROFESSIONNELLE).codes())
                .containsExactlyInAnyOrder("C", "E", "M");
        assertThat(nomenclatures.table(NomenclatureTable.MODE_EXERCICE).codes())
                .containsExactlyInAnyOrder("S", "L", "B");
        assertThat(nomenclatures.table(NomenclatureTable.SECTEUR_ACTIVITE).codes())
                .contains("SA01", "SA02", "SA03", "SA04", "SA05", "SA07", "SA08", "SA09", "SA16", "SA17", "SA25");
        assertThat(nomenclatures.label(NomenclatureTable.SECTEUR_ACTIVITE, "SA07")).contains("Cabinet individuel");
        assertThat(nomenclatures.isKnown(NomenclatureTable.CIVILITE_EXERCICE, "DR")).isTrue();
        assertThat(nomenclatures.isKnown(NomenclatureTable.CIVILITE, "MME")).isTrue();
        assertThat(nomenclatures.isKnown(NomenclatureTable.TYPE_SAVOIR_FAIRE, "S")).isTrue();
        assertThat(nomenclatures.isKnown(NomenclatureTable.SECTION_TABLEAU_PHARMACIENS, "A")).isTrue();
        assertThat(nomenclatures.isKnown(NomenclatureTable.GENRE_ACTIVITE, "GENR01")).isTrue();
    }

    @Test
    void unknownCodeHasNoLabel() {
        assertThat(nomenclatures.isKnown(NomenclatureTable.PROFESSION, "99")).isFalse();
        assertThat(nomenclatures.label(NomenclatureTable.PROFESSION, "99")).isEmpty();
    }

    @Test
    void tableWithoutHeaderOrWithARepeatedCodeIsRejected() throws Exception {
        assertThatThrownBy(() -> read("10;Médecin\n")).hasMessageContaining("header");
        assertThatThrownBy(() -> read("code;label\n10;Médecin\n10;Autre\n")).hasMessageContaining("listed twice");
        assertThat(read("code;label\n10;Médecin; avec point-virgule\n").label("10"))
                .contains("Médecin; avec point-virgule");
    }

    private static Nomenclature read(String text) throws Exception {
        return Nomenclature.read(NomenclatureTable.PROFESSION,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
