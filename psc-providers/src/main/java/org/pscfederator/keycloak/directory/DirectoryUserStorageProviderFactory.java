package org.pscfederator.keycloak.directory;

import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.storage.UserStorageProviderFactory;
import org.pscfederator.keycloak.realm.OwnSpi;
import org.pscfederator.keycloak.realm.PscRealm;

/** Registers the directory as a user store; its tables are the directory store's (DatabaseDirectoryStoreFactory). */
public class DirectoryUserStorageProviderFactory implements UserStorageProviderFactory<DirectoryUserStorageProvider> {

    public static final String PROVIDER_ID = "psc-directory";

    @Override
    public DirectoryUserStorageProvider create(KeycloakSession session, ComponentModel model) {
        return new DirectoryUserStorageProvider(session, model, OwnSpi.required(session, DirectoryStoreProvider.class).store());
    }

    /** The directory belongs to PSC's realm: adding it to another realm is refused, and would find nobody anyway. */
    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel config) {
        PscRealm psc = PscRealm.of(session);
        if (!psc.owns(realm)) {
            throw new ComponentValidationException("the professional directory serves realm " + psc.name()
                    + " only");
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Professional directory (RPPS/ADELI and structure staff), read-only";
    }
}
