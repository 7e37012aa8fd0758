package org.pscfederator.keycloak.establishments;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

/** {@code psc-establishment-pairing}: the first broker login flow of an establishment's provider. */
public class EstablishmentPairingAuthenticatorFactory extends EstablishmentAuthenticatorFactory {

    public static final String PROVIDER_ID = "psc-establishment-pairing";
    private static final EstablishmentPairingAuthenticator INSTANCE = new EstablishmentPairingAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "PSC establishment pairing (CPS card or e-CPS)";
    }

    @Override
    public String getHelpText() {
        return "First broker login of an establishment's provider: the professional confirms their identity with"
                + " their CPS card or e-CPS, and their local account is paired with it.";
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return INSTANCE;
    }
}
