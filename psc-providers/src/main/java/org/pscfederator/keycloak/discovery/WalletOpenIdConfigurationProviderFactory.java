package org.pscfederator.keycloak.discovery;

/** PSC's own discovery path, {@code .well-known/wallet-openid-configuration}, with the same document. */
public class WalletOpenIdConfigurationProviderFactory extends PscOpenIdConfigurationProviderFactory {

    public static final String PROVIDER_ID = "wallet-openid-configuration";

    @Override
    public String getAlias() {
        return PROVIDER_ID;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
