package org.pscfederator.bench;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

/**
 * A browser with a test card in its reader, keeping its cookies and its one TLS connection: its first authorization
 * request goes through PSC's login page ("Carte CPS"), the next ones are answered from its SSO session at once. Each
 * gives the relying service's code and the PKCE verifier that goes with it. A new session is a new TLS context, so
 * its first connection presents the card in a full handshake.
 */
final class CardSession implements AutoCloseable {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form id=\"psc-login-form\"[^>]*action=\"([^\"]+)\"");

    /** A code for the relying service and its PKCE verifier. */
    record Code(String code, String verifier) {
    }

    private final FlowContext context;
    private final BenchOptions options;
    private final SSLContext tls;
    private final CookieJar cookies = new CookieJar();
    private final SecureRandom random;
    private CardConnection connection;

    CardSession(FlowContext context, KeyManager[] card, SecureRandom random) {
        this.context = context;
        this.options = context.options();
        this.tls = context.trustWithClientKeys(card);
        this.random = random;
    }

    Code code() throws FlowFailure {
        String state = Pkce.randomToken(random);
        String verifier = Pkce.randomToken(random);
        String redirect = options.rpRedirectUri().toString();
        URI authorize = URI.create(options.oidcEndpoint("auth") + "?" + PasswordLoginFlow.formBody(Map.of(
                "response_type", "code",
                "client_id", options.rpClientId(),
                "redirect_uri", redirect,
                "scope", "openid scope_all",
                "acr_values", "eidas1",
                "state", state,
                "nonce", Pkce.randomToken(random),
                "code_challenge", Pkce.s256(verifier),
                "code_challenge_method", "S256")));
        CardConnection.Response answer = send(authorize, null);
        if (answer.status() == 200) {
            // No session yet: PSC's login page, the TLS handshake has presented the card; "Carte CPS".
            Matcher form = LOGIN_FORM.matcher(answer.body());
            if (!form.find()) {
                throw new FlowFailure("the page has no PSC login form (psc-login-form)");
            }
            URI action = authorize.resolve(LoginForm.unescape(form.group(1)));
            if (!options.allowRemote() && !Loopback.isLoopbackHost(action.getHost())) {
                throw new FlowFailure("login form posts to non-loopback host " + action.getHost());
            }
            if (!action.getHost().equals(authorize.getHost()) || action.getPort() != authorize.getPort()) {
                throw new FlowFailure("login form posts to another server: " + action.getAuthority());
            }
            answer = send(action, "method=card");
        }
        if (answer.status() != 302 && answer.status() != 303) {
            throw new FlowFailure("card login: HTTP " + answer.status() + " instead of a redirect"
                    + refusal(answer.body()));
        }
        return new Code(CodeExchange.codeFrom(answer.header("location"), redirect, state), verifier);
    }

    /** GET, or POST of {@code form} when given, on the session's connection (opened on first use). */
    private CardConnection.Response send(URI uri, String form) throws FlowFailure {
        try {
            if (connection == null) {
                connection = CardConnection.open(tls, uri, context.requestTimeout());
            }
            CardConnection.Response response = form == null ? connection.get(uri, cookies.header())
                    : connection.postForm(uri, cookies.header(), form);
            cookies.absorb(response.headers());
            return response;
        } catch (SocketTimeoutException e) {
            close();
            throw new FlowFailure("no answer within " + options.requestTimeoutSeconds() + " s");
        } catch (IOException e) {
            close();
            throw new FlowFailure("card connection: " + e.getMessage());
        }
    }

    private static String refusal(String html) {
        Matcher reason = Pattern.compile("data-reason=\"([a-z_]+)\"").matcher(html);
        return reason.find() ? " (refused: " + reason.group(1) + ")" : "";
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException e) {
                // closing anyway
            }
            connection = null;
        }
    }
}
