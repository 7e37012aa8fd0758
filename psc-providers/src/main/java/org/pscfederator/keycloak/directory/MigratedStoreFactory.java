package org.pscfederator.keycloak.directory;

import org.pscfederator.directorystore.VersionedSchema;

import java.util.function.Function;

import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.pscfederator.keycloak.logging.LoggedText;

/**
 * Makes one store over Keycloak's database, shared by every session, its own schema migrated once Keycloak has
 * migrated its own (its constraints come first), or at first use if that could not be done at start.
 */
public abstract class MigratedStoreFactory<S extends Provider> implements ProviderFactory<S> {

    private static final Logger LOG = Logger.getLogger(MigratedStoreFactory.class);

    private final String id;
    private final VersionedSchema schema;
    private final Function<DataSource, S> open;
    private volatile S store;

    /** @param open the store over a database whose schema is current */
    protected MigratedStoreFactory(String id, VersionedSchema schema, Function<DataSource, S> open) {
        this.id = id;
        this.schema = schema;
        this.open = open;
    }

    @Override
    public S create(KeycloakSession session) {
        S current = store;
        if (current == null) {
            synchronized (this) {
                if (store == null) {
                    DataSource dataSource = KeycloakDataSource.get();
                    schema.migrateOutsideTransaction(dataSource);
                    store = open.apply(dataSource);
                }
                current = store;
            }
        }
        return current;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                try {
                    create(null);
                } catch (RuntimeException e) {
                    LOG.errorf("%s not ready: %s; what needs it fails until it is", schema.name(),
                            LoggedText.of(e.getMessage()));
                }
            }
        });
    }

    @Override
    public void close() {
        store = null;
    }

    @Override
    public String getId() {
        return id;
    }
}
