package org.pscfederator.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * CPS card login as a browser with a card does it, through PSC's login page: every login opens a new TLS connection
 * that presents a test card (a fresh TLS context, so no session is resumed and the card is verified each time),
 * clicks "Carte CPS", and the relying service exchanges the code. Workers take the cards in turn.
 */
final class CardLoginFlow implements Flow {

    /** Test cards of sandbox identities: {@code <idNat>.p12}, staff '/' as '_'; not the test PKI's bad cards. */
    private static final Pattern CARD_FILE = Pattern.compile("[0-9A-Z]+(_[0-9A-Z]+)?\\.p12");
    private static final Pattern LOGIN_FORM = Pattern.compile("<form id=\"psc-login-form\"[^>]*action=\"([^\"]+)\"");
    private static final char[] CARD_PASSWORD = "1234".toCharArray();

    private final FlowContext context;
    private final BenchOptions options;
    private final List<KeyManager[]> cards;
    private final CodeExchange exchange;
    private final SecureRandom random = new SecureRandom();
    private int next;

    CardLoginFlow(FlowContext context) {
        this.context = context;
        this.options = context.options();
        this.cards = loadCards(options.cards());
        this.exchange = new CodeExchange(context, context.newHttpClient(), options.rpClientId(),
                options.rpClientSecret());
        this.next = random.nextInt(cards.size());
    }

    @Override
    public void run() throws Exception {
        KeyManager[] card = cards.get(next++ % cards.size());
        HttpClient browser = context.newHttpClient(context.trustWithClientKeys(card));
        CookieJar cookies = new CookieJar();
        String state = Pkce.randomToken(random);
        String verifier = Pkce.randomToken(random);
        String redirect = options.rpRedirectUri().toString();

        // 1. The authorization request shows PSC's login page; the TLS handshake has presented the card.
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
        HttpResponse<String> page = context.send(browser, HttpRequest.newBuilder(authorize).GET()
                .header("Accept", "text/html"), cookies);
        if (page.statusCode() != 200) {
            throw new FlowFailure("login page: HTTP " + page.statusCode());
        }
        Matcher form = LOGIN_FORM.matcher(page.body());
        if (!form.find()) {
            throw new FlowFailure("the page has no PSC login form (psc-login-form)");
        }
        URI action = authorize.resolve(LoginForm.unescape(form.group(1)));
        if (!options.allowRemote() && !Loopback.isLoopbackHost(action.getHost())) {
            throw new FlowFailure("login form posts to non-loopback host " + action.getHost());
        }

        // 2. "Carte CPS": a redirect to the relying service, or a refusal page.
        HttpResponse<String> login = context.send(browser, HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("method=card")), cookies);
        if (login.statusCode() != 302 && login.statusCode() != 303) {
            throw new FlowFailure("card login: HTTP " + login.statusCode() + " instead of a redirect"
                    + refusal(login.body()));
        }
        String code = CodeExchange.codeFrom(login.headers().firstValue("location").orElse(""), redirect, state);

        // 3. The relying service's exchange.
        exchange.exchange(code, redirect, verifier);
    }


    private static String refusal(String html) {
        Matcher reason = Pattern.compile("data-reason=\"([a-z_]+)\"").matcher(html);
        return reason.find() ? " (refused: " + reason.group(1) + ")" : "";
    }

    static List<KeyManager[]> loadCards(Path folder) {
        List<KeyManager[]> cards = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            throw new BadOptionsException("--cards " + folder + ": no such folder (start the sandbox once, or give"
                    + " the folder of the test cards)");
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.p12")) {
            for (Path file : files) {
                if (CARD_FILE.matcher(file.getFileName().toString()).matches()) {
                    cards.add(keyManagers(file));
                }
            }
        } catch (IOException e) {
            throw new BadOptionsException("--cards " + folder + ": " + e.getMessage());
        }
        if (cards.isEmpty()) {
            throw new BadOptionsException("--cards " + folder + ": no test card (<idNat>.p12)");
        }
        return cards;
    }

    private static KeyManager[] keyManagers(Path p12) {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore keystore = KeyStore.getInstance("PKCS12");
            keystore.load(in, CARD_PASSWORD);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keystore, CARD_PASSWORD);
            return factory.getKeyManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new BadOptionsException("cannot read the card " + p12 + " (password 1234): " + e.getMessage());
        }
    }
}
