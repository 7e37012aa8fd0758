package org.pscfederator.keycloak.space;

import org.keycloak.models.IdentityProviderModel;
import org.pscfederator.core.establishments.EstablishmentSetting;
import org.pscfederator.core.establishments.PairingMeans;
import org.pscfederator.keycloak.cps.CardLogin;
import org.pscfederator.keycloak.ecps.EcpsEvents;
import org.pscfederator.keycloak.establishments.Pairing;

/** A pairing of the professional as the page lists it, named by its establishment. Getters, for the template. */
public final class PairingRow {

    private final Pairing pairing;
    private final String establishment;

    /** @param provider the establishment's provider, null when it is gone: its alias names it then */
    PairingRow(Pairing pairing, IdentityProviderModel provider) {
        this.pairing = pairing;
        String name = provider == null || provider.getConfig() == null ? null
                : provider.getConfig().get(EstablishmentSetting.ESTABLISHMENT_NAME.attribute());
        this.establishment = name == null || name.isBlank() ? pairing.provider() : name.strip();
    }

    public String getProvider() {
        return pairing.provider();
    }

    public String getEstablishment() {
        return establishment;
    }

    public String getCreated() {
        return ParisTime.of(pairing.createdAt());
    }

    public String getExpires() {
        return ParisTime.of(pairing.expiresAt());
    }

    /** As the page's means are named: the card's or e-CPS's. */
    public String getMeans() {
        return pairing.means() == PairingMeans.CARD ? CardLogin.MEANS : EcpsEvents.MEANS;
    }
}
