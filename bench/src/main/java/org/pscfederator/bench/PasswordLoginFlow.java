package org.pscfederator.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;

/**
 * The baseline: Keycloak's own username/password form, then the authorization code exchanged for tokens by a
 * confidential client with PKCE, as a browser and a relying party would do it. Nothing else (no logout, no
 * userinfo) so the figure is the cost of a login.
 */
final class PasswordLoginFlow implements Flow {
    private final FlowContext context;
    private final BenchOptions options;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();
    private final CodeExchange exchange;

    PasswordLoginFlow(FlowContext context) {
        this.context = context;
        this.options = context.options();
        this.http = context.newHttpClient();
        this.exchange = new CodeExchange(context, http, options.clientId(), options.clientSecret());
    }

    @Override
    public void run() throws Exception {
        CookieJar cookies = new CookieJar();
        String state = Pkce.randomToken(random);
        String verifier = Pkce.randomToken(random);
        String redirect = options.redirectUri().toString();

        // 1. The authorization request shows the login form.
        URI authorize = URI.create(options.oidcEndpoint("auth") + "?" + formBody(Map.of(
                "response_type", "code",
                "client_id", options.clientId(),
                "redirect_uri", redirect,
                "scope", "openid",
                "state", state,
                "nonce", Pkce.randomToken(random),
                "code_challenge", Pkce.s256(verifier),
                "code_challenge_method", "S256")));
        HttpResponse<String> page = context.send(http, HttpRequest.newBuilder(authorize).GET()
                .header("Accept", "text/html"), cookies);
        if (page.statusCode() != 200) {
            throw new FlowFailure("login page: HTTP " + page.statusCode() + said(page));
        }
        URI action = LoginForm.action(page.body(), authorize);
        if (action == null) {
            throw new FlowFailure("login page has no kc-form-login form" + said(page));
        }
        if (!options.allowRemote() && !Loopback.isLoopbackHost(action.getHost())) {
            throw new FlowFailure("login form posts to non-loopback host " + action.getHost()
                    + " (check Keycloak's hostname setting, or use --allow-remote)");
        }

        // 2. The credentials; success is a redirect to the client, anything else is the form again.
        HttpResponse<String> login = context.send(http, HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(Map.of(
                        "username", options.user(),
                        "password", options.password(),
                        "credentialId", "")))), cookies);
        if (login.statusCode() != 302 && login.statusCode() != 303) {
            throw new FlowFailure("login POST: HTTP " + login.statusCode() + " instead of a redirect" + said(login));
        }
        String code = CodeExchange.codeFrom(login.headers().firstValue("location").orElse(""), redirect, state);

        // 3. The relying party's back-channel exchange.
        exchange.exchange(code, redirect, verifier);
    }


    /** " (Keycloak says: ...)" from an HTML page, so a wrong password or bad client shows as such. */
    private static String said(HttpResponse<String> response) {
        String type = response.headers().firstValue("content-type").orElse("");
        String feedback = type.contains("html") ? LoginForm.feedback(response.body()) : null;
        return feedback == null ? "" : " (Keycloak says: " + feedback + ")";
    }

    static String formBody(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(form(name)).append('=').append(form(value));
        });
        return body.toString();
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
