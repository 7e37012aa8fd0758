package org.pscfederator.keycloak.directory;

import javax.sql.DataSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;

/**
 * Keycloak's own database, where the directory keeps its tables: H2 in the sandbox, PostgreSQL in production.
 * Keycloak's JPA SPI module cannot be compiled against (its parent pom is not published), so the datasource is
 * taken from the Quarkus container that Keycloak runs in.
 */
public final class KeycloakDataSource {

    private KeycloakDataSource() {
    }

    public static DataSource get() {
        InstanceHandle<AgroalDataSource> handle = Arc.container().instance(AgroalDataSource.class);
        if (!handle.isAvailable()) {
            throw new IllegalStateException("Keycloak's datasource is not available to the directory");
        }
        return handle.get();
    }
}
