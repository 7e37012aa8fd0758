package org.pscfederator.directorystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pscfederator.core.identifiers.RppsNumber;
import org.pscfederator.directory.NationalColumn;
import org.pscfederator.directory.NationalFileReader;

/** One professional added beside the imported directory, and removed, with nothing else in the directory changed. */
@Tag("psc-directory")
class AddedProfessionalsTest {

    private static final String IMPORTED = "899700366240";
    private static final String ADDED = "8" + RppsNumber.withKey("9998000001").value();
    private static final String OTHER = "8" + RppsNumber.withKey("9998000002").value();

    private DirectoryStore store;
    private AddedProfessionals added;

    @BeforeEach
    void directoryWithOneImportedProfessional() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:added-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        store = new DirectoryStore(dataSource);
        store.migrate();
        importNational(line(IMPORTED, "DOC0036624", "10"));
        added = store.added(NationalFileReader.standard());
    }

    @Test
    void addedProfessionalIsFoundBesideTheImportedOnes() throws Exception {
        AddedProfessionals.Added professional = added.add(file(line(ADDED, "NOUVELLE", "60")), "psc-identity");

        assertThat(professional.idNat()).isEqualTo(ADDED);
        assertThat(store.entries(ADDED)).singleElement()
                .satisfies(e -> assertThat(e.field(NationalColumn.CODE_PROFESSION)).isEqualTo("60"));
        assertThat(store.entries(IMPORTED)).hasSize(1);
        assertThat(store.countProfessionals()).isEqualTo(2);
        assertThat(added.list()).singleElement().satisfies(a -> {
            assertThat(a.idNat()).isEqualTo(ADDED);
            assertThat(a.source()).isEqualTo("psc-identity");
            assertThat(a.entries()).hasSize(1);
        });
    }

    @Test
    void anIdNatAlreadyInTheDirectoryIsRefused() throws Exception {
        assertThatThrownBy(() -> added.add(file(line(IMPORTED, "OTHER", "60")), "x"))
                .isInstanceOfSatisfying(AddedProfessionals.RefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(AddedProfessionals.RefusedException.Reason.ALREADY_IN_DIRECTORY));

        assertThat(store.entries(IMPORTED)).singleElement()
                .satisfies(e -> assertThat(e.field(NationalColumn.NOM_EXERCICE)).isEqualTo("DOC0036624"));
        assertThat(added.list()).isEmpty();
    }

    @Test
    void aLineTheImportWouldOnlyWarnAboutIsRefusedAndNothingWritten() throws Exception {
        assertThatThrownBy(() -> added.add(file(line(ADDED, "NOUVELLE", "99")), "x"))
                .isInstanceOfSatisfying(AddedProfessionals.RefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AddedProfessionals.RefusedException.Reason.INVALID_LINES);
                    assertThat(e.getMessage()).contains("unknown Code profession '99'");
                });

        assertThat(store.entries(ADDED)).isEmpty();
        assertThat(added.list()).isEmpty();
    }

    @Test
    void aBadLuhnKeyOrAHeaderAloneIsRefused() throws Exception {
        assertThatThrownBy(() -> added.add(file(line(wrongKey(ADDED), "NOUVELLE", "60")), "x"))
                .hasMessageContaining("wrong Luhn key");
        assertThatThrownBy(() -> added.add(file(), "x")).hasMessageContaining("no data line");
        assertThat(store.countProfessionals()).isEqualTo(1);
    }

    @Test
    void twoProfessionalsAtOnceAreRefused() throws Exception {
        assertThatThrownBy(() -> added.add(file(line(ADDED, "NOUVELLE", "60"), line(OTHER, "AUTRE", "60")),
                "x")).hasMessageContaining("one professional is added at a time");

        assertThat(store.entries(ADDED)).isEmpty();
    }

    @Test
    void onlyAddedProfessionalsAreRemoved() throws Exception {
        added.add(file(line(ADDED, "NOUVELLE", "60")), "x");

        assertThat(added.remove(IMPORTED)).isEqualTo(AddedProfessionals.Removal.IMPORTED);
        assertThat(store.entries(IMPORTED)).hasSize(1);
        assertThat(added.remove(ADDED)).isEqualTo(AddedProfessionals.Removal.REMOVED);
        assertThat(store.entries(ADDED)).isEmpty();
        assertThat(store.entries(IMPORTED)).hasSize(1);
        assertThat(added.remove(ADDED)).isEqualTo(AddedProfessionals.Removal.UNKNOWN);
    }

    @Test
    void nothingIsAddedWhileAnImportRuns() throws Exception {
        try (DirectoryImport running = store.beginImport(DirectoryEntry.Directory.NATIONAL, "running.txt")) {
            assertThatThrownBy(() -> added.add(file(line(ADDED, "NOUVELLE", "60")), "x"))
                    .isInstanceOf(ImportAlreadyRunningException.class);
            running.abandon();
        }
        assertThat(store.entries(ADDED)).isEmpty();
    }

    @Test
    void theNextImportReplacesAddedProfessionalsAndTheirRecordCanStillBeRemoved() throws Exception {
        added.add(file(line(ADDED, "NOUVELLE", "60")), "x");

        importNational(line(IMPORTED, "DOC0036624", "10"));

        assertThat(store.entries(ADDED)).isEmpty();
        assertThat(added.list()).isEmpty();
        assertThat(added.remove(ADDED)).isEqualTo(AddedProfessionals.Removal.REMOVED);
        assertThat(added.remove(ADDED)).isEqualTo(AddedProfessionals.Removal.UNKNOWN);
    }

    private void importNational(String... lines) throws Exception {
        ImportOutcome outcome = new DirectoryImporter(store, NationalFileReader.standard(),
                org.pscfederator.directory.StaffFileReader.standard()).importNational(file(lines), "it.txt");
        assertThat(outcome.activated()).as(outcome.reason()).isTrue();
    }

    private static String wrongKey(String idNat) {
        int key = idNat.charAt(idNat.length() - 1) - '0';
        return idNat.substring(0, idNat.length() - 1) + (key + 1) % 10;
    }

    private static InputStream file(String... lines) {
        StringBuilder text = new StringBuilder(String.join("|", NationalColumn.headerNames())).append("|\n");
        for (String line : lines) {
            text.append(line).append('\n');
        }
        return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A liberal activity of a professional of this profession, every code known to its nomenclature. */
    private static String line(String idNat, String name, String profession) {
        List<String> fields = new ArrayList<>(Arrays.asList(new String[NationalColumn.COUNT]));
        fields.replaceAll(field -> "");
        fields.set(NationalColumn.TYPE_IDENTIFIANT_PP.ordinal(), "8");
        fields.set(NationalColumn.IDENTIFIANT_PP.ordinal(), idNat.substring(1));
        fields.set(NationalColumn.IDENTIFICATION_NATIONALE_PP.ordinal(), idNat);
        fields.set(NationalColumn.NOM_EXERCICE.ordinal(), name);
        fields.set(NationalColumn.PRENOM_EXERCICE.ordinal(), "TEST");
        fields.set(NationalColumn.CODE_PROFESSION.ordinal(), profession);
        fields.set(NationalColumn.CODE_CATEGORIE_PROFESSIONNELLE.ordinal(), "C");
        fields.set(NationalColumn.CODE_MODE_EXERCICE.ordinal(), "L");
        fields.set(NationalColumn.CODE_SECTEUR_ACTIVITE.ordinal(), "SA07");
        fields.set(NationalColumn.IDENTIFIANT_TECHNIQUE_STRUCTURE.ordinal(), "R" + idNat);
        fields.set(NationalColumn.RAISON_SOCIALE_SITE.ordinal(), "CABINET " + name);
        return String.join("|", fields) + "|";
    }
}
