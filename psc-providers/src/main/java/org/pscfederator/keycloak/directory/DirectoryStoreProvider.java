package org.pscfederator.keycloak.directory;

import org.pscfederator.directorystore.DirectoryStore;

import org.keycloak.provider.Provider;

/**
 * The directory's store, for every provider that reads it (user store, claims, admin endpoint, activation). A
 * wrapper, because the store itself serves the command-line import too, where Keycloak is absent.
 */
@FunctionalInterface
public interface DirectoryStoreProvider extends Provider {

    DirectoryStore store();

    /** Shared by every session: its factory holds it, a session's end leaves it open. */
    @Override
    default void close() {
    }
}
