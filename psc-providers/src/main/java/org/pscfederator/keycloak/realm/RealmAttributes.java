package org.pscfederator.keycloak.realm;

import org.keycloak.models.RealmModel;
import org.pscfederator.core.settings.RealmSettings;

/** A realm's attributes, as PSC's typed settings: the providers read realm attributes through this only. */
public final class RealmAttributes {

    private RealmAttributes() {
    }

    public static RealmSettings settings(RealmModel realm) {
        return RealmSettings.of(realm.getAttributes());
    }
}
