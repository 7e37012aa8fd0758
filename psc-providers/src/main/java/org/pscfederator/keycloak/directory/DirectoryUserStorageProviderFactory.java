package org.pscfederator.keycloak.directory;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderFactory;
import org.pscfederator.keycloak.logging.LoggedText;
import org.pscfederator.keycloak.realm.PscRealm;

/** Registers the directory as a user store; its tables are brought to the current schema version at start. */
public class DirectoryUserStorageProviderFactory implements UserStorageProviderFactory<DirectoryUserStorageProvider> {

    public static final String PROVIDER_ID = "psc-directory";
    private static final Logger LOG = Logger.getLogger(DirectoryUserStorageProviderFactory.class);

    private volatile DirectoryStore store;

    @Override
    public DirectoryUserStorageProvider create(KeycloakSession session, ComponentModel model) {
        return new DirectoryUserStorageProvider(session, model, store());
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

    /**
     * Brings the directory's tables to the current version once Keycloak has migrated its own schema (its
     * constraints come first), so the directory is ready as soon as the server is.
     */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                try {
                    store();
                } catch (RuntimeException e) {
                    LOG.errorf("professional directory not ready: %s; logins of professionals fail until it is",
                            LoggedText.of(e.getMessage()));
                }
            }
        });
    }

    /** The directory's store, for the other providers that read it (claims, admin endpoint). */
    public static DirectoryStore storeOf(KeycloakSession session) {
        return ((DirectoryUserStorageProviderFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(UserStorageProvider.class, PROVIDER_ID)).store();
    }

    /** The store, its schema migrated on first use if the start-up migration could not do it. */
    public DirectoryStore store() {
        DirectoryStore current = store;
        if (current == null) {
            synchronized (this) {
                if (store == null) {
                    DirectoryStore created = new DirectoryStore(KeycloakDataSource.get());
                    migrateOutsideTransaction(created);
                    store = created;
                }
                current = store;
            }
        }
        return current;
    }

    /**
     * On a thread of its own: the caller may be inside Keycloak's request transaction, in which the schema
     * scripts could not commit.
     */
    private static void migrateOutsideTransaction(DirectoryStore created) {
        try {
            CompletableFuture.runAsync(() -> {
                try {
                    created.migrate();
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            }).join();
        } catch (CompletionException e) {
            throw new IllegalStateException("cannot migrate the directory schema: " + e.getCause().getMessage(),
                    e.getCause());
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
