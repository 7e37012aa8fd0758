package org.pscfederator.sandbox;

import java.util.Optional;

/**
 * PSC's authorization endpoint where PSC's discovery names it: {@code /auth} on the front (at PSC,
 * {@code https://wallet.<host>/auth}; ANS's integrations hard-code that URL). A request to exactly that path, GET or
 * POST, with its query, is sent on to the PSC realm's own authorization endpoint; {@code /auth/} and everything under
 * it stay Keycloak's. HAProxy before a cluster ({@link HaproxyConfig}) and the production front do the same
 * (docs/card-login.md).
 */
record WalletAuthorization(String realm) {

    static final String PATH = "/auth";

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
        String location = realmEndpoint() + (query == null || query.isEmpty() ? "" : "?" + query);
        return Optional.of(new Redirect("POST".equals(method) ? 307 : 303, location));
    }
}
