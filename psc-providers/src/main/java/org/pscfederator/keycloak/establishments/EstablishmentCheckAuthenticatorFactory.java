package org.pscfederator.keycloak.establishments;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

/** {@code psc-establishment-check}: the post broker login flow of an establishment's provider. */
public class EstablishmentCheckAuthenticatorFactory extends EstablishmentAuthenticatorFactory {

    public static final String PROVIDER_ID = "psc-establishment-check";
    private static final EstablishmentCheckAuthenticator INSTANCE = new EstablishmentCheckAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "PSC establishment check (pairing and amr)";
    }

    @Override
    public String getHelpText() {
        return "Post broker login of an establishment's provider: lets the delegated login through only with a"
                + " valid pairing and the amr rule met, and marks the session for PSC's tokens.";
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return INSTANCE;
    }
}
