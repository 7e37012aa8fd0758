package org.pscfederator.directory.storage;

import java.sql.SQLException;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.storage.UserStorageProviderFactory;

/** Registers the directory as a user store; its tables are brought to the current schema version at start. */
public class DirectoryUserStorageProviderFactory implements UserStorageProviderFactory<DirectoryUserStorageProvider> {

    public static final String PROVIDER_ID = "psc-directory";
    private static final Logger LOG = Logger.getLogger(DirectoryUserStorageProviderFactory.class);

    private volatile DirectoryStore store;

    @Override
    public DirectoryUserStorageProvider create(KeycloakSession session, ComponentModel model) {
        return new DirectoryUserStorageProvider(session, model, store());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        try {
            store();
        } catch (RuntimeException e) {
            LOG.errorf("professional directory not ready: %s; logins of professionals will fail until it is",
                    e.getMessage());
        }
    }

    /** The store, its schema migrated on first use. */
    public DirectoryStore store() {
        DirectoryStore current = store;
        if (current == null) {
            synchronized (this) {
                if (store == null) {
                    DirectoryStore created = new DirectoryStore(KeycloakDataSource.get());
                    try {
                        created.migrate();
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot migrate the directory schema: " + e.getMessage(), e);
                    }
                    store = created;
                }
                current = store;
            }
        }
        return current;
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
