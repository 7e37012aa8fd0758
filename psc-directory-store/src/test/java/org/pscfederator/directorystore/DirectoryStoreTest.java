package org.pscfederator.directorystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pscfederator.directory.NationalColumn;

import static org.pscfederator.directorystore.DirectoryEntry.Directory.NATIONAL;
import static org.pscfederator.directorystore.DirectoryEntry.Directory.STAFF;

class DirectoryStoreTest {

    private DirectoryStore store;

    @BeforeEach
    void freshDatabase() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:directory-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        store = new DirectoryStore(dataSource);
        store.migrate();
    }

    @Test
    void activatedImportIsTheDirectory() throws Exception {
        importEntries(entry("899700366240", "DOC0036624"), entry("899700366240", "DOC0036624"),
                entry("899700218896", "SPECIALISTE0021889"));

        assertThat(store.entries("899700366240")).hasSize(2);
        assertThat(store.entries("899700218896")).singleElement()
                .satisfies(e -> assertThat(e.field(NationalColumn.NOM_EXERCICE)).isEqualTo("SPECIALISTE0021889"));
        assertThat(store.countProfessionals()).isEqualTo(2);
    }

    @Test
    void importNotYetActivatedIsInvisible() throws Exception {
        importEntries(entry("899700366240", "OLD"));

        try (DirectoryImport running = store.beginImport(NATIONAL, "newer.txt")) {
            running.add(entry("899700218896", "NEW"));
            running.add(entry("899700366240", "NEW"));

            assertThat(store.entries("899700218896")).isEmpty();
            assertThat(store.entries("899700366240")).singleElement()
                    .satisfies(e -> assertThat(e.field(NationalColumn.NOM_EXERCICE)).isEqualTo("OLD"));
            running.activate();
        }
        assertThat(store.entries("899700366240")).singleElement().satisfies(e -> assertThat(e.field(NationalColumn.NOM_EXERCICE)).isEqualTo("NEW"));
    }

    @Test
    void professionalMissingFromNewerImportIsGone() throws Exception {
        importEntries(entry("899700366240", "A"), entry("899700218896", "B"));

        importEntries(entry("899700366240", "A"));

        assertThat(store.entries("899700218896")).isEmpty();
        assertThat(store.countProfessionals()).isEqualTo(1);
    }

    @Test
    void abandonedImportLeavesThePreviousDirectoryAsItWas() throws Exception {
        importEntries(entry("899700366240", "KEEP"));

        try (DirectoryImport failing = store.beginImport(NATIONAL, "broken.txt")) {
            for (int i = 0; i < DirectoryImport.BATCH + 10; i++) {
                failing.add(entry("8" + String.format("%011d", i), "PARTIAL"));
            }
            failing.abandon();
        }

        assertThat(store.entries("899700366240")).singleElement().satisfies(e -> assertThat(e.field(NationalColumn.NOM_EXERCICE)).isEqualTo("KEEP"));
        assertThat(store.countProfessionals()).isEqualTo(1);
        try (DirectoryImport next = store.beginImport(NATIONAL, "next.txt")) {
            next.abandon();
        }
    }

    @Test
    void importNeitherActivatedNorAbandonedIsAbandonedOnClose() throws Exception {
        try (DirectoryImport forgotten = store.beginImport(NATIONAL, "forgotten.txt")) {
            forgotten.add(entry("899700366240", "X"));
        }

        assertThat(store.entries("899700366240")).isEmpty();
        try (DirectoryImport next = store.beginImport(NATIONAL, "next.txt")) {
            next.abandon();
        }
    }

    @Test
    void secondImportWhileOneRunsIsRefused() throws Exception {
        try (DirectoryImport first = store.beginImport(NATIONAL, "first.txt")) {
            assertThatThrownBy(() -> store.beginImport(NATIONAL, "second.txt"))
                    .isInstanceOf(ImportAlreadyRunningException.class)
                    .hasMessageContaining("already running (first.txt");
            first.abandon();
        }
    }

    @Test
    void searchFindsByIdNatPrefixAndName() throws Exception {
        importEntries(entry("899700366240", "DOC0036624"), entry("899700218896", "SPECIALISTE0021889"),
                entry("0123456789", "INFIRMIER"));

        assertThat(store.search("8997", 0, 10)).containsExactly("899700218896", "899700366240");
        assertThat(store.search("infirmier", 0, 10)).containsExactly("0123456789");
        assertThat(store.search("8997", 1, 10)).containsExactly("899700366240");
        assertThat(store.search("%", 0, 10)).isEmpty();
    }

    @Test
    void staffImportLeavesTheNationalDirectoryAsItIs() throws Exception {
        importEntries(entry("899700366240", "DOC0036624"));

        try (DirectoryImport staff = store.beginImport(STAFF, "staff.txt")) {
            staff.add(staffEntry("3500000001815646/CPAT00045", DirectoryEntry.Kind.CPA));
            staff.activate();
        }

        assertThat(store.entries("899700366240")).hasSize(1);
        assertThat(store.entries("3500000001815646/CPAT00045")).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(DirectoryEntry.Kind.CPA));
        importEntries(entry("899700218896", "OTHER"));
        assertThat(store.entries("3500000001815646/CPAT00045")).hasSize(1);
        assertThat(store.entries("899700366240")).isEmpty();
    }

    @Test
    void staffEntryIsRefusedInANationalImport() throws Exception {
        try (DirectoryImport national = store.beginImport(NATIONAL, "mixed.txt")) {
            assertThatThrownBy(() -> national.add(staffEntry("3500000001815646/CPAT00045", DirectoryEntry.Kind.CPA)))
                    .isInstanceOf(IllegalArgumentException.class);
            national.abandon();
        }
    }

    @Test
    void importsOfTheTwoDirectoriesMayRunAtOnce() throws Exception {
        try (DirectoryImport national = store.beginImport(NATIONAL, "national.txt");
             DirectoryImport staff = store.beginImport(STAFF, "staff.txt")) {
            national.abandon();
            staff.abandon();
        }
    }

    @Test
    void migrationIsIdempotent() throws Exception {
        store.migrate();
        store.migrate();

        assertThat(store.countProfessionals()).isZero();
    }

    @Test
    void directoryImportedUnderSchemaVersionOneIsKeptByTheUpgrade() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:directory-v1-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE PSC_DIR_SCHEMA (VERSION INT NOT NULL, APPLIED_AT TIMESTAMP NOT NULL, "
                    + "CONSTRAINT PK_PSC_DIR_SCHEMA PRIMARY KEY (VERSION))");
            statement.execute("INSERT INTO PSC_DIR_SCHEMA VALUES (1, CURRENT_TIMESTAMP)");
            for (String sql : DirectorySchema.statements(1)) {
                statement.execute(sql);
            }
            StringBuilder row = new StringBuilder("INSERT INTO PSC_DIR_ENTRY VALUES ('NATIONAL', 7, '899700366240', 1, 'PS'");
            for (int column = 1; column <= DirectoryEntry.FIELD_COUNT; column++) {
                row.append(", '").append(column == 3 ? "899700366240" : column == 8 ? "Doc0036624" : "v" + column)
                        .append('\'');
            }
            statement.execute(row.append(')').toString());
            statement.execute("UPDATE PSC_DIR_STATE SET ACTIVE_GENERATION = 7, NEXT_GENERATION = 8 "
                    + "WHERE DIRECTORY = 'NATIONAL'");
        }
        DirectoryStore upgraded = new DirectoryStore(dataSource);

        upgraded.migrate();

        assertThat(upgraded.entries("899700366240")).singleElement().satisfies(e -> {
            assertThat(e.fields()).hasSize(DirectoryEntry.FIELD_COUNT);
            assertThat(e.field(NationalColumn.TYPE_IDENTIFIANT_PP)).isEqualTo("v1");
            assertThat(e.field(NationalColumn.NOM_EXERCICE)).isEqualTo("Doc0036624");
            assertThat(e.field(NationalColumn.LIBELLE_GENRE_ACTIVITE)).isEqualTo("v56");
        });
        assertThat(upgraded.search("DOC0036624", 0, 10)).containsExactly("899700366240");
    }

    @Test
    void emptyFieldsSurviveStorage() throws Exception {
        importEntries(entry("899700366240", ""));

        assertThat(store.entries("899700366240")).singleElement()
                .satisfies(e -> assertThat(e.fields()).hasSize(DirectoryEntry.FIELD_COUNT).containsOnly("",
                        "99700366240", "899700366240"));
    }

    @Test
    void fieldHoldingTheSeparatorIsRefused() {
        assertThatThrownBy(() -> entry("899700366240", "A|B")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'|'");
    }

    private void importEntries(DirectoryEntry... entries) throws Exception {
        try (DirectoryImport running = store.beginImport(NATIONAL, "test")) {
            for (DirectoryEntry entry : entries) {
                running.add(entry);
            }
            running.activate();
        }
    }

    private static DirectoryEntry staffEntry(String idNat, DirectoryEntry.Kind kind) {
        List<String> fields = new ArrayList<>(Collections.nCopies(DirectoryEntry.FIELD_COUNT, ""));
        fields.set(2, idNat);
        return new DirectoryEntry(idNat, kind, fields);
    }

    private static DirectoryEntry entry(String idNat, String familyName) {
        List<String> fields = new ArrayList<>(Collections.nCopies(DirectoryEntry.FIELD_COUNT, ""));
        fields.set(1, idNat.substring(1));
        fields.set(2, idNat);
        fields.set(7, familyName);
        return new DirectoryEntry(idNat, DirectoryEntry.Kind.PS, fields);
    }
}
