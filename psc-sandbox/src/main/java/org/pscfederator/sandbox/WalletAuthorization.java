package org.pscfederator.sandbox;

import java.net.URI;
import java.util.Optional;

/**
 * PSC's authorization endpoint where PSC's discovery names it: {@code /auth} on the front (at PSC,
 * {@code https://wallet.<host>/auth}; ANS's integrations hard-code that URL). A request to exactly that path, GET or
 * POST, with its query, is sent on to the PSC realm's own authorization endpoint; {@code /auth/} and everything under
 * it stay Keycloak's. HAProxy before a cluster ({@link HaproxyConfig}) and the production front do the same
 * (docs/card-login.md).
 *
 * <p>{@code realmOrigin}: where the realm is, when {@code /auth} is also served on a second (wallet) host name. The
 * redirect then names the public host in full, so that the whole login, and its cookies, stay on the host Keycloak
 * builds its URLs on; without a wallet host it is a path on the same host.
 */
record WalletAuthorization(String realm, URI realmOrigin) {

    static final String PATH = "/auth";

    WalletAuthorization(String realm) {
        this(realm, null);
    }

    /** The sandbox's: the realm's origin in the redirect when a wallet host is configured. */
    static WalletAuthorization of(String realm, SandboxOptions options) {
        return new WalletAuthorization(realm, options.walletHost() == null ? null
                : URI.create(options.baseUrl()).resolve("/"));
    }

    /** A redirect answer: 303 for GET and HEAD, 307 for POST so that the browser posts the same form again. */
    record Redirect(int status, String location) {
    }

    /** The PSC realm's own authorization endpoint, where the request goes on. */
    String realmEndpoint() {
        return KeycloakCommand.RELATIVE_PATH + "/realms/" + realm + "/protocol/openid-connect/auth";
    }

    Optional<Redirect> redirect(String method, String path, String query) {
        if (!PATH.equals(path)) {
            return Optional.empty();
        }
        String endpoint = realmOrigin == null ? realmEndpoint() : realmOrigin.resolve(realmEndpoint()).toString();
        String location = endpoint + (query == null || query.isEmpty() ? "" : "?" + query);
        return Optional.of(new Redirect("POST".equals(method) ? 307 : 303, location));
    }
}
