package org.pscfederator.keycloak.establishments;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.storage.adapter.AbstractInMemoryUserAdapter;

/**
 * A professional who is no longer in the directory, known by the Keycloak id a pairing recorded: enough for Keycloak
 * to remove the link it keeps for that id in its federated storage, which it finds by the id alone.
 */
final class DepartedUser extends AbstractInMemoryUserAdapter {

    DepartedUser(KeycloakSession session, RealmModel realm, String id, String idNat) {
        super(session, realm, id);
        setUsername(idNat);
    }

    /** Nothing but the link is done with it. */
    @Override
    public SubjectCredentialManager credentialManager() {
        throw new UnsupportedOperationException("a professional who left the directory has no credentials here");
    }
}
