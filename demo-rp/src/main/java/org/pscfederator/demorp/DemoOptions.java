package org.pscfederator.demorp;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** How the demo is started: where PSC is, who the demo is (client id, ORG certificate), where it listens. */
record DemoOptions(int port, URI server, String realm, String clientId, Path certificate, char[] certificatePassword,
        Path cacert, Path tlsKeystore, URI publicUrl, String clientSecret) {

    static final String HELP = """
            usage: psc-demo-rp [options]
              A reference relying service: logs a health professional in through Pro Santé Connect (the sandbox by
              default) and shows the claims it received. Open https://localhost:8444/ once it is started.
              PSC's back-channel logout reaches it at <public-url>/backchannel-logout (register that URI).

            options:
              --port PORT            HTTPS port of the demo (default 8444, on the loopback interface)
              --server URL           the PSC server, with its path prefix (default https://localhost:8443/auth)
              --realm NAME           default esante-wallet
              --client-id ID         the demo's client id (default sandbox-rp)
              --cert FILE.p12        its ORG AUTH_CLI certificate and key, presented in mutual TLS (tls_client_auth)
                                     (default sandbox-data/pki/clients/<client id>.p12; password from
                                     PSC_DEMO_CERT_PASSWORD, default 1234 as every sandbox file)
              --cacert PEM           the CAs to trust for the server (default sandbox-data/pki/ca/ca-bundle.pem)
              --tls-keystore FILE.p12  the demo's own HTTPS certificate (default sandbox-data/pki/server/server.p12,
                                     the sandbox's localhost certificate; password as --cert)
              --public-url URL       the demo's address as the browser sees it (default https://localhost:PORT)
              --client-secret SECRET authenticate with a client secret instead of the certificate (client_secret_basic):
                                     SANDBOX TRIALS ONLY, PSC's trusted space requires the ORG certificate
            """;

    /** Where PSC posts logout tokens: {@code <public-url>/backchannel-logout}, registered as the back-channel logout URI. */
    static final String BACKCHANNEL_LOGOUT_PATH = "/backchannel-logout";

    /** The options as typed, with their defaults; {@link #from} checks them. */
    static final class Given {
        @Option(names = "--port")
        String port = "8444";
        @Option(names = "--server")
        String server = "https://localhost:8443/auth";
        @Option(names = "--realm")
        String realm = "esante-wallet";
        @Option(names = "--client-id")
        String clientId = "sandbox-rp";
        @Option(names = "--cert")
        String cert;
        @Option(names = "--cacert")
        String cacert = "sandbox-data/pki/ca/ca-bundle.pem";
        @Option(names = "--tls-keystore")
        String tlsKeystore = "sandbox-data/pki/server/server.p12";
        @Option(names = "--public-url")
        String publicUrl;
        @Option(names = "--client-secret")
        String clientSecret;
    }

    /** @throws TypeConversionException for a value the demo cannot work with (a usage error) */
    static DemoOptions from(Given given, Map<String, String> environment) {
        int port = port(given.port);
        String clientId = given.clientId;
        if (!clientId.matches("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}")) {
            throw new TypeConversionException("--client-id: not a client id: " + clientId);
        }
        String secret = given.clientSecret;
        Path certificate = Path.of(given.cert != null ? given.cert : "sandbox-data/pki/clients/" + clientId + ".p12");
        if (!Files.isReadable(certificate)) {
            if (secret == null || given.cert != null) {
                throw new TypeConversionException("--cert: cannot read " + certificate + " (issue one with bin/psc-pki "
                        + "client --client-id " + clientId + ")");
            }
            certificate = null;
        }
        Path cacert = readable(given.cacert, "--cacert");
        Path tlsKeystore = readable(given.tlsKeystore, "--tls-keystore");
        URI publicUrl = https(given.publicUrl != null ? given.publicUrl : "https://localhost:" + port, "--public-url");
        return new DemoOptions(port, https(given.server, "--server"), given.realm, clientId, certificate,
                environment.getOrDefault("PSC_DEMO_CERT_PASSWORD", "1234").toCharArray(), cacert, tlsKeystore,
                publicUrl, secret);
    }

    /** Where PSC sends the browser back with the code: must be one of the client's registered redirect URIs. */
    String redirectUri() {
        return publicUrl + "/callback";
    }

    /** Where PSC sends the browser after logout: registered as a post-logout redirect URI of the client. */
    String postLogoutRedirectUri() {
        return publicUrl + "/";
    }

    /** Registered as the client's back-channel logout URI (psc-admin client register --backchannel-logout-uri). */
    String backchannelLogoutUri() {
        return publicUrl + BACKCHANNEL_LOGOUT_PATH;
    }

    String realmUrl() {
        return server + "/realms/" + realm;
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new TypeConversionException("--port: not a port: " + text);
    }

    private static Path readable(String text, String option) {
        Path path = Path.of(text);
        if (!Files.isReadable(path)) {
            throw new TypeConversionException(option + ": cannot read " + path + " (start the sandbox once, or give the file)");
        }
        return path;
    }

    private static URI https(String text, String option) {
        try {
            URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        throw new TypeConversionException(option + ": an https URL is needed: " + text);
    }
}
