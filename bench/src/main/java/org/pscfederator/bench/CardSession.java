package org.pscfederator.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManager;

/**
 * A browser with a test card in its reader, keeping its cookies: its first authorization request goes through PSC's
 * login page ("Carte CPS"), the next ones are answered from its SSO session at once. Each gives the relying
 * service's code and the PKCE verifier that goes with it.
 */
final class CardSession {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form id=\"psc-login-form\"[^>]*action=\"([^\"]+)\"");

    /** A code for the relying service and its PKCE verifier. */
    record Code(String code, String verifier) {
    }

    private final FlowContext context;
    private final BenchOptions options;
    private final HttpClient browser;
    private final CookieJar cookies = new CookieJar();
    private final SecureRandom random;

    CardSession(FlowContext context, KeyManager[] card, SecureRandom random) {
        this.context = context;
        this.options = context.options();
        this.browser = context.newHttpClient(context.trustWithClientKeys(card));
        this.random = random;
    }

    Code code() throws IOException, InterruptedException, FlowFailure {
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
        HttpResponse<String> answer = send(HttpRequest.newBuilder(authorize).GET().header("Accept", "text/html"));
        if (answer.statusCode() == 200) {
            // No session yet: PSC's login page, the TLS handshake has presented the card; "Carte CPS".
            Matcher form = LOGIN_FORM.matcher(answer.body());
            if (!form.find()) {
                throw new FlowFailure("the page has no PSC login form (psc-login-form)");
            }
            URI action = authorize.resolve(LoginForm.unescape(form.group(1)));
            if (!options.allowRemote() && !Loopback.isLoopbackHost(action.getHost())) {
                throw new FlowFailure("login form posts to non-loopback host " + action.getHost());
            }
            answer = send(HttpRequest.newBuilder(action)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("method=card")));
        }
        if (answer.statusCode() != 302 && answer.statusCode() != 303) {
            throw new FlowFailure("card login: HTTP " + answer.statusCode() + " instead of a redirect"
                    + refusal(answer.body()));
        }
        return new Code(CodeExchange.codeFrom(answer.headers().firstValue("location").orElse(""), redirect, state),
                verifier);
    }

    private HttpResponse<String> send(HttpRequest.Builder request)
            throws IOException, InterruptedException, FlowFailure {
        return context.send(browser, request, cookies);
    }

    private static String refusal(String html) {
        Matcher reason = Pattern.compile("data-reason=\"([a-z_]+)\"").matcher(html);
        return reason.find() ? " (refused: " + reason.group(1) + ")" : "";
    }
}
