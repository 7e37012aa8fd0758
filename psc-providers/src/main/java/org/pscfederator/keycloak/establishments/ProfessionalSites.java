package org.pscfederator.keycloak.establishments;

import java.sql.SQLException;
import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.pscfederator.core.establishments.ActivitySite;
import org.pscfederator.directory.NationalColumn;
import org.pscfederator.directorystore.DirectoryEntry;
import org.pscfederator.keycloak.directory.DirectoryStoreProvider;
import org.pscfederator.keycloak.realm.OwnSpi;

/** Where the directory says a professional works: one site per activity line; none when they are not in it. */
final class ProfessionalSites {

    private ProfessionalSites() {
    }

    /** @throws SQLException when the directory cannot be read: the caller fails closed */
    static List<ActivitySite> of(KeycloakSession session, String idNat) throws SQLException {
        return OwnSpi.required(session, DirectoryStoreProvider.class).store().entries(idNat).stream()
                .map(ProfessionalSites::site).toList();
    }

    static ActivitySite site(DirectoryEntry entry) {
        return new ActivitySite(entry.field(NationalColumn.NUMERO_FINESS_SITE),
                entry.field(NationalColumn.NUMERO_FINESS_ETABLISSEMENT_JURIDIQUE),
                entry.field(NationalColumn.NUMERO_SIRET_SITE),
                entry.field(NationalColumn.IDENTIFIANT_TECHNIQUE_STRUCTURE));
    }
}
