package org.pscfederator.directory.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.pscfederator.directory.storage.DirectoryEntry.Directory.NATIONAL;
import static org.pscfederator.directory.storage.DirectoryEntry.Directory.STAFF;

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
                .satisfies(e -> assertThat(e.field(8)).isEqualTo("SPECIALISTE0021889"));
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
                    .satisfies(e -> assertThat(e.field(8)).isEqualTo("OLD"));
            running.activate();
        }
        assertThat(store.entries("899700366240")).singleElement().satisfies(e -> assertThat(e.field(8)).isEqualTo("NEW"));
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

        assertThat(store.entries("899700366240")).singleElement().satisfies(e -> assertThat(e.field(8)).isEqualTo("KEEP"));
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
