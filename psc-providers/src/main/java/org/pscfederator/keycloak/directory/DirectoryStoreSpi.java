package org.pscfederator.keycloak.directory;

import org.pscfederator.keycloak.realm.OwnSpi;

/** Our own SPI, {@code psc-directory-store}: the professional directory's tables, for every provider that reads them. */
public class DirectoryStoreSpi extends OwnSpi {

    public static final String NAME = "psc-directory-store";

    public DirectoryStoreSpi() {
        super(NAME, DirectoryStoreProvider.class, DirectoryStoreFactory.class);
    }
}
