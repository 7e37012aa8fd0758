package org.pscfederator.keycloak.directory;

import org.pscfederator.directorystore.DirectoryEntry;

import org.pscfederator.directorystore.DirectoryStore;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.StorageId;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.user.UserLookupProvider;
import org.keycloak.storage.user.UserQueryProvider;
import org.pscfederator.core.identifiers.IdNat;
import org.pscfederator.keycloak.realm.PscRealm;

/**
 * The directory as Keycloak's user store: read-only, a professional found by idNat (the username). In a realm that
 * is not PSC's it finds nobody, even if that realm's administrator added this store to it.
 */
public class DirectoryUserStorageProvider implements UserStorageProvider, UserLookupProvider, UserQueryProvider {

    private final KeycloakSession session;
    private final ComponentModel model;
    private final DirectoryStore store;

    DirectoryUserStorageProvider(KeycloakSession session, ComponentModel model, DirectoryStore store) {
        this.session = session;
        this.model = model;
        this.store = store;
    }

    @Override
    public UserModel getUserById(RealmModel realm, String id) {
        return getUserByUsername(realm, StorageId.externalId(id));
    }

    @Override
    public UserModel getUserByUsername(RealmModel realm, String username) {
        if (!PscRealm.of(session).owns(realm) || username == null) {
            return null;
        }
        // Keycloak lower-cases usernames before asking a user store; idNats have upper-case letters only (staff
        // CPAT00045, EDIT ANS2024...), so the directory is asked in upper case and the user keeps the stored idNat.
        String idNat = username.toUpperCase(java.util.Locale.ROOT);
        if (!IdNat.wellFormed(idNat)) {
            return null;
        }
        List<DirectoryEntry> entries = read(() -> store.entries(idNat));
        return entries.isEmpty() ? null : new ProfessionalUser(session, realm, model, entries.get(0).idNat(), entries);
    }

    @Override
    public UserModel getUserByEmail(RealmModel realm, String email) {
        // Professionals are never looked up by e-mail: the directory's addresses are those of their structures.
        return null;
    }

    @Override
    public Stream<UserModel> searchForUserStream(RealmModel realm, Map<String, String> params, Integer first,
            Integer max) {
        if (!PscRealm.of(session).owns(realm)) {
            return Stream.empty();
        }
        String text = params.getOrDefault(UserModel.SEARCH, params.get(UserModel.USERNAME));
        if (text == null || text.isBlank() || "*".equals(text.strip())) {
            text = "";
        }
        String query = text.strip().replace("*", "");
        List<String> idNats = read(() -> store.search(query, first == null ? 0 : first, max == null ? 100 : max));
        return idNats.stream().map(idNat -> getUserByUsername(realm, idNat)).filter(user -> user != null);
    }

    @Override
    public Stream<UserModel> getGroupMembersStream(RealmModel realm, GroupModel group, Integer first, Integer max) {
        return Stream.empty();
    }

    @Override
    public Stream<UserModel> searchForUserByUserAttributeStream(RealmModel realm, String name, String value) {
        return Stream.empty();
    }

    @Override
    public int getUsersCount(RealmModel realm) {
        if (!PscRealm.of(session).owns(realm)) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, read(store::countProfessionals));
    }

    @Override
    public void close() {
    }

    private interface Read<T> {
        T get() throws SQLException;
    }

    /** A directory that cannot be read fails the login: nobody is let in on a guess. */
    private static <T> T read(Read<T> read) {
        try {
            return read.get();
        } catch (SQLException e) {
            throw new ModelException("the professional directory cannot be read: " + e.getMessage(), e);
        }
    }
}
