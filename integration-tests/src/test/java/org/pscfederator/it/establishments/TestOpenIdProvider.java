package org.pscfederator.it.establishments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.pscfederator.it.harness.FreePort;
import org.pscfederator.it.harness.PscEndpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * An establishment's OpenID provider run by the test on 127.0.0.1 over HTTPS, with the sandbox's server certificate
 * (issued by the sandbox CAs, which Keycloak's {@code --truststore-paths} holds, so Keycloak's back-channel calls
 * trust it). Its authorization endpoint logs in at once whoever the test said ({@link #nextLogin}) and sends the
 * browser back with a code; its token endpoint answers an ID token signed with its own key, or, when the test asks
 * ({@link #misbehave}), one that is wrong in a chosen way.
 */
final class TestOpenIdProvider implements AutoCloseable {

    static final String CLIENT_ID = "psc-federator";
    static final String CLIENT_SECRET = "it-establishment-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KID = "it-establishment-key";

    /** How the token endpoint's ID token goes wrong. */
    enum Fault {
        NONE,
        /** Signed by another key under the provider's key id. */
        BAD_SIGNATURE,
        /** {@code iss} names another provider. */
        WRONG_ISSUER,
        /** {@code aud} is another client. */
        WRONG_AUDIENCE,
        /** No subject claim at all. */
        NO_SUBJECT,
        /** {@code amr} is one string, not a JSON array of strings. */
        AMR_NOT_AN_ARRAY
    }

    /** Who the provider says logged in, with which methods (RFC 8176 values), and any further claims. */
    record Identity(String subject, List<String> amr, Map<String, Object> claims) {
        static Identity of(String subject, String... amr) {
            return new Identity(subject, List.of(amr), Map.of());
        }
    }

    /** What the authorization endpoint was asked, and the callback it sent the browser to. */
    record Authorization(Map<String, String> parameters, String callback) {
    }

    private final HttpsServer server;
    private final int port;
    private final KeyPair signingKey;
    private final KeyPair otherKey;
    private final AtomicReference<Identity> next = new AtomicReference<>();
    private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final List<Authorization> authorizations = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();

    private record Grant(Identity identity, String nonce, String redirectUri, String challenge) {
    }

    private TestOpenIdProvider(PscEndpoint psc) throws IOException, GeneralSecurityException {
        this.signingKey = rsa();
        this.otherKey = rsa();
        this.port = FreePort.find();
        this.server = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls(psc.dataDir().resolve("pki/server/server.p12"))));
        server.createContext("/op/.well-known/openid-configuration", this::discovery);
        server.createContext("/op/jwks", this::jwks);
        server.createContext("/op/authorize", this::authorize);
        server.createContext("/op/token", this::token);
        server.start();
    }

    static TestOpenIdProvider start(PscEndpoint psc) throws Exception {
        return new TestOpenIdProvider(psc);
    }

    String issuer() {
        return "https://localhost:" + port + "/op";
    }

    int port() {
        return port;
    }

    /** The settings of Keycloak's OIDC identity provider pointing here (the endpoints, the client, the checks). */
    Map<String, String> keycloakConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("issuer", issuer());
        config.put("authorizationUrl", issuer() + "/authorize");
        config.put("tokenUrl", issuer() + "/token");
        config.put("jwksUrl", issuer() + "/jwks");
        config.put("useJwksUrl", "true");
        config.put("validateSignature", "true");
        config.put("clientId", CLIENT_ID);
        config.put("clientSecret", CLIENT_SECRET);
        config.put("clientAuthMethod", "client_secret_post");
        config.put("pkceEnabled", "true");
        config.put("pkceMethod", "S256");
        config.put("defaultScope", "openid");
        config.put("disableUserInfo", "true");
        config.put("syncMode", "IMPORT");
        return config;
    }

    /** The identity the next authorization asserts. */
    TestOpenIdProvider nextLogin(Identity identity) {
        next.set(identity);
        return this;
    }

    TestOpenIdProvider misbehave(Fault how) {
        fault.set(how);
        return this;
    }

    List<Authorization> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The token requests Keycloak made (form parameters, the secret left out). */
    List<Map<String, String>> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer());
        document.put("authorization_endpoint", issuer() + "/authorize");
        document.put("token_endpoint", issuer() + "/token");
        document.put("jwks_uri", issuer() + "/jwks");
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_post"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        json(exchange, 200, document);
    }

    private void jwks(HttpExchange exchange) throws IOException {
        RSAPublicKey key = (RSAPublicKey) signingKey.getPublic();
        json(exchange, 200, Map.of("keys", List.of(Map.of("kty", "RSA", "use", "sig", "alg", "RS256", "kid", KID,
                "n", base64url(unsigned(key.getModulus())), "e", base64url(unsigned(key.getPublicExponent()))))));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = form(exchange.getRequestURI().getRawQuery());
        Identity identity = next.get();
        String redirect = parameters.get("redirect_uri");
        if (identity == null || redirect == null || !CLIENT_ID.equals(parameters.get("client_id"))) {
            text(exchange, 400, "no login planned, or not our client");
            return;
        }
        String code = random();
        grants.put(code, new Grant(identity, parameters.get("nonce"), redirect, parameters.get("code_challenge")));
        String callback = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + encode(code) + "&state="
                + encode(parameters.getOrDefault("state", ""));
        authorizations.add(new Authorization(parameters, callback));
        exchange.getResponseHeaders().set("Location", callback);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> parameters;
        try (InputStream in = exchange.getRequestBody()) {
            parameters = form(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Map<String, String> recorded = new LinkedHashMap<>(parameters);
        recorded.remove("client_secret");
        tokenRequests.add(recorded);
        Grant grant = grants.remove(parameters.getOrDefault("code", ""));
        if (!CLIENT_ID.equals(parameters.get("client_id")) || !CLIENT_SECRET.equals(parameters.get("client_secret"))) {
            json(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        if (grant == null || !grant.redirectUri().equals(parameters.get("redirect_uri"))
                || !pkceHolds(grant.challenge(), parameters.get("code_verifier"))) {
            json(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        try {
            json(exchange, 200, Map.of("access_token", random(), "token_type", "Bearer", "expires_in", 300,
                    "id_token", idToken(grant)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String idToken(Grant grant) throws GeneralSecurityException, IOException {
        Fault how = fault.get();
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", how == Fault.WRONG_ISSUER ? "https://localhost:" + port + "/another-op" : issuer());
        if (how != Fault.NO_SUBJECT) {
            claims.put("sub", grant.identity().subject());
        }
        claims.put("aud", how == Fault.WRONG_AUDIENCE ? "another-client" : CLIENT_ID);
        claims.put("iat", now);
        claims.put("exp", now + 300);
        claims.put("auth_time", now);
        if (grant.nonce() != null) {
            claims.put("nonce", grant.nonce());
        }
        claims.put("amr", how == Fault.AMR_NOT_AN_ARRAY ? String.join(" ", grant.identity().amr())
                : grant.identity().amr());
        claims.putAll(grant.identity().claims());
        if (how == Fault.NO_SUBJECT) {
            claims.remove("sub");
            claims.remove("oid");
        }
        String header = base64url(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", KID)));
        String payload = base64url(JSON.writeValueAsBytes(claims));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign((how == Fault.BAD_SIGNATURE ? otherKey : signingKey).getPrivate());
        signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + base64url(signature.sign());
    }

    private static boolean pkceHolds(String challenge, String verifier) {
        if (challenge == null) {
            return true;
        }
        if (verifier == null) {
            return false;
        }
        try {
            return challenge.equals(base64url(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext tls(Path p12) throws IOException, GeneralSecurityException {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            keystore.load(in, "1234".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keystore, "1234".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, new SecureRandom());
        return context;
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static Map<String, String> form(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value,
                    StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, status, bytes);
    }

    private static void text(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return base64url(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
