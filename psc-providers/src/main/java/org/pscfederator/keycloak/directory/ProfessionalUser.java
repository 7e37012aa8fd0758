package org.pscfederator.keycloak.directory;

import org.pscfederator.directory.NationalColumn;
import org.pscfederator.directorystore.DirectoryEntry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.keycloak.component.ComponentModel;
import org.keycloak.credential.UserCredentialManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;
import org.keycloak.storage.adapter.AbstractUserAdapter;

/**
 * A health professional as Keycloak sees them: read-only, named by their idNat, with the directory's entries.
 * Its id is Keycloak's federated form {@code f:<component id>:<idNat>}, which becomes {@code sub} as at PSC.
 */
public final class ProfessionalUser extends AbstractUserAdapter {

    private final String idNat;
    private final List<DirectoryEntry> entries;

    ProfessionalUser(KeycloakSession session, RealmModel realm, ComponentModel storage, String idNat,
            List<DirectoryEntry> entries) {
        super(session, realm, storage);
        this.idNat = idNat;
        this.entries = List.copyOf(entries);
    }

    /** The directory's lines for this professional, in file order: one per activity. */
    public List<DirectoryEntry> entries() {
        return entries;
    }

    @Override
    public String getUsername() {
        return idNat;
    }

    @Override
    public String getFirstName() {
        return entries.get(0).field(NationalColumn.PRENOM_EXERCICE);
    }

    @Override
    public String getLastName() {
        return entries.get(0).field(NationalColumn.NOM_EXERCICE);
    }

    @Override
    public boolean isEmailVerified() {
        return false;
    }

    @Override
    public Map<String, List<String>> getAttributes() {
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put(UserModel.USERNAME, List.of(idNat));
        attributes.put(UserModel.FIRST_NAME, List.of(getFirstName()));
        attributes.put(UserModel.LAST_NAME, List.of(getLastName()));
        return attributes;
    }

    @Override
    public String getFirstAttribute(String name) {
        List<String> values = getAttributes().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Stream<String> getAttributeStream(String name) {
        List<String> values = getAttributes().get(name);
        return values == null ? Stream.empty() : values.stream();
    }

    @Override
    public SubjectCredentialManager credentialManager() {
        // Professionals have no password here: they log in with a card or e-CPS.
        return new UserCredentialManager(session, realm, this);
    }
}
