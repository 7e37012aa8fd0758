package org.pscfederator.keycloak.claims;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.UserModel;
import org.pscfederator.directory.PscUserInfoClaims;
import org.pscfederator.directorystore.DirectoryEntry;
import org.pscfederator.keycloak.directory.DirectoryStoreProvider;
import org.pscfederator.keycloak.directory.ProfessionalUser;
import org.pscfederator.keycloak.realm.OwnSpi;

/**
 * PSC's claims about a professional, from the directory, exactly as relying services receive them in userinfo
 * ({@link PscProfessionalClaimsMapper}) and as the professional sees them in their own space: one place reads them.
 */
public final class ProfessionalClaims {

    private ProfessionalClaims() {
    }

    /** The claims of this user; empty for a user who is not a directory professional. */
    public static Map<String, Object> of(KeycloakSession session, UserModel user) {
        List<DirectoryEntry> entries = entries(session, user);
        if (entries.isEmpty()) {
            return Map.of();
        }
        List<List<String>> lines = new ArrayList<>(entries.size());
        for (DirectoryEntry entry : entries) {
            lines.add(entry.fields());
        }
        return PscUserInfoClaims.of(lines);
    }

    private static List<DirectoryEntry> entries(KeycloakSession session, UserModel user) {
        if (user instanceof ProfessionalUser professional) {
            return professional.entries();
        }
        if (user.getFederationLink() == null) {
            return List.of();
        }
        try {
            return OwnSpi.required(session, DirectoryStoreProvider.class).store().entries(user.getUsername());
        } catch (SQLException e) {
            throw new ModelException("the professional directory cannot be read", e);
        }
    }
}
