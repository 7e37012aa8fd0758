package org.pscfederator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** PSC's authorization URL {@code /auth?...}: sent on to the realm's endpoint; Keycloak's {@code /auth/} untouched. */
@Tag("psc-discovery")
class WalletAuthorizationTest {

    private final WalletAuthorization wallet = new WalletAuthorization("esante-wallet");

    @Test
    void getWithItsQueryGoesToTheRealmsAuthorizationEndpoint() {
        assertThat(wallet.redirect("GET", "/auth", "response_type=code&client_id=rp")).hasValueSatisfying(redirect -> {
            assertThat(redirect.status()).isEqualTo(303);
            assertThat(redirect.location())
                    .isEqualTo("/auth/realms/esante-wallet/protocol/openid-connect/auth?response_type=code&client_id=rp");
        });
    }

    @Test
    void postIsPostedAgainThere() {
        assertThat(wallet.redirect("POST", "/auth", null)).hasValueSatisfying(redirect -> {
            assertThat(redirect.status()).isEqualTo(307);
            assertThat(redirect.location()).isEqualTo("/auth/realms/esante-wallet/protocol/openid-connect/auth");
        });
    }

    /** Asked on the wallet host, the login goes on at the public host, where Keycloak builds its URLs and cookies. */
    @Test
    void withAWalletHostTheRedirectNamesThePublicHost() {
        WalletAuthorization withWalletHost = WalletAuthorization.of("esante-wallet", SandboxOptions.parse("--host",
                "psc.example", "--wallet-host", "wallet.psc.example", "--https-port", "9443"));

        assertThat(withWalletHost.redirect("GET", "/auth", "client_id=rp")).hasValueSatisfying(redirect ->
                assertThat(redirect.location()).isEqualTo(
                        "https://psc.example:9443/auth/realms/esante-wallet/protocol/openid-connect/auth?client_id=rp"));
        assertThat(WalletAuthorization.of("esante-wallet", SandboxOptions.parse()).redirect("GET", "/auth", "a=b"))
                .hasValueSatisfying(redirect -> assertThat(redirect.location()).startsWith("/auth/realms/"));
    }

    @Test
    void keycloaksOwnPathsAreLeftAlone() {
        assertThat(wallet.redirect("GET", "/auth/", null)).isEmpty();
        assertThat(wallet.redirect("GET", "/auth/admin/", null)).isEmpty();
        assertThat(wallet.redirect("GET", "/auth/realms/esante-wallet/protocol/openid-connect/auth", "x=1")).isEmpty();
        assertThat(wallet.redirect("GET", "/authx", "x=1")).isEmpty();
    }
}
