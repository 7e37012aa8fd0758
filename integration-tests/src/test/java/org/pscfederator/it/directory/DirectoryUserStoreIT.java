package org.pscfederator.it.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.pscfederator.directory.NationalColumn;
import org.pscfederator.directorystore.DirectoryEntry;
import org.pscfederator.directorystore.DirectoryImport;
import org.pscfederator.directorystore.DirectoryStore;
import org.pscfederator.it.harness.PostgresSandboxExtension;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.TestDatabase;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The directory as a read-only Keycloak User Storage provider: a professional is found by idNat (the
 * username), and sub has Keycloak's federated form f:<component id>:<idNat>. The directory is written straight
 * into the server's PostgreSQL database here, through the same store the importer uses.
 */
@Tag("psc-directory")
@Tag("postgres")
@ExtendWith(PostgresSandboxExtension.class)
class DirectoryUserStoreIT {

    /** The directory component's id, fixed in realm-config so that sub is stable. */
    private static final String COMPONENT_ID = "a8f6e2d4-5c1b-4f7e-9b3a-2d6c8e0f1a47";

    @Test
    void professionalIsFoundByIdNatWithPscSubject(SandboxServer server, TestDatabase database) throws Exception {
        replaceDirectory(database, entry("899700366240", "DOC0036624", "KIT"), entry("899700366240", "DOC0036624", "KIT"));

        JsonNode users = server.getJson(server.baseUrl()
                + "/admin/realms/esante-wallet/users?username=899700366240&exact=true", server.adminToken());

        assertThat(users).singleElement().satisfies(user -> {
            assertThat(user.get("id").asText()).isEqualTo("f:" + COMPONENT_ID + ":899700366240");
            assertThat(user.get("username").asText()).isEqualTo("899700366240");
            assertThat(user.get("lastName").asText()).isEqualTo("DOC0036624");
            assertThat(user.get("firstName").asText()).isEqualTo("KIT");
            assertThat(user.get("federationLink").asText()).isEqualTo(COMPONENT_ID);
        });
    }

    @Test
    void professionalMissingFromANewerDirectoryIsNoLongerFound(SandboxServer server, TestDatabase database)
            throws Exception {
        replaceDirectory(database, entry("899700218896", "SPECIALISTE0021889", "ROBERT"));
        String byId = server.baseUrl() + "/admin/realms/esante-wallet/users/f:" + COMPONENT_ID + ":899700218896";
        assertThat(server.get(byId, server.adminToken()).statusCode()).isEqualTo(200);

        replaceDirectory(database, entry("899700427869", "DOC0042786", "KIT"));

        assertThat(server.get(byId, server.adminToken()).statusCode()).isEqualTo(404);
    }

    private static void replaceDirectory(TestDatabase database, DirectoryEntry... entries) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.user());
        try (DirectoryImport running = new DirectoryStore(dataSource)
                .beginImport(DirectoryEntry.Directory.NATIONAL, "DirectoryUserStoreIT")) {
            for (DirectoryEntry entry : entries) {
                running.add(entry);
            }
            running.activate();
        }
    }

    private static DirectoryEntry entry(String idNat, String familyName, String givenName) {
        List<String> fields = new ArrayList<>(Collections.nCopies(DirectoryEntry.FIELD_COUNT, ""));
        fields.set(NationalColumn.TYPE_IDENTIFIANT_PP.ordinal(), "8");
        fields.set(NationalColumn.IDENTIFIANT_PP.ordinal(), idNat.substring(1));
        fields.set(NationalColumn.IDENTIFICATION_NATIONALE_PP.ordinal(), idNat);
        fields.set(NationalColumn.NOM_EXERCICE.ordinal(), familyName);
        fields.set(NationalColumn.PRENOM_EXERCICE.ordinal(), givenName);
        return new DirectoryEntry(idNat, DirectoryEntry.Kind.PS, fields);
    }
}
