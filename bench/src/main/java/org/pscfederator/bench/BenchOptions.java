package org.pscfederator.bench;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.pscfederator.cli.HelpOption;
import org.pscfederator.cli.ToolRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** The bench settings, parsed from the command line and checked before any request is sent. */
@Command(name = "psc-bench")
public final class BenchOptions {

    /** Where {@code bin/psc-sandbox} writes its trust bundle, relative to the working directory. */
    public static final Path SANDBOX_CA_BUNDLE = Path.of("sandbox-data", "pki", "ca", "ca-bundle.pem");

    static final String USAGE = String.join("\n",
            "usage: psc-bench [options]",
            "       psc-bench directory [options]   (the directory import and claims, see psc-bench directory --help)",
            "       psc-bench ecps-waits [options]  (the e-CPS waits one node holds, see psc-bench ecps-waits --help)",
            "Drives a running Keycloak with concurrent login flows; prints flows/s and latency per flow.",
            "",
            "  --base-url URL          Keycloak base URL, http or https (default https://localhost:8443/auth)",
            "  --realm NAME            realm (default esante-wallet)",
            "  --cacert PEMFILE        trust exactly these CA certificates for https",
            "                          (default sandbox-data/pki/ca/ca-bundle.pem if present, else the JDK's)",
            "  --duration SECONDS      measured time per flow (default 30)",
            "  --warmup SECONDS        time per flow run first and discarded (default 5)",
            "  --concurrency N         concurrent clients, one thread each (default 8)",
            "  --flows a,b             flows to run, one after the other; the first is the baseline",
            "                          (default password; known: " + String.join(", ", FlowRegistry.names()) + ")",
            "  --max-flows N           hard bound on the flows started per flow and phase (default 1000000)",
            "  --request-timeout SECONDS  bound on each HTTP exchange (default 10)",
            "  --user NAME             test user (default bench.password)",
            "  --password PASSWORD     its password (default Bench-Password-1234)",
            "  --client-id ID          confidential OIDC client (default psc-bench)",
            "  --client-secret SECRET  its secret, sent as client_secret_basic (default psc-bench-sandbox-secret)",
            "  --redirect-uri URI      its registered redirect URI (default https://localhost/bench/callback)",
            "  --cards DIR             cps flow: the test cards, one PKCS#12 per idNat, password 1234",
            "                          (default sandbox-data/pki/cards)",
            "  --ecps-devices DIR      ecps flow: the simulated e-CPS devices, one <idNat>.json each, PIN 1234",
            "                          (default sandbox-data/ecps/devices)",
            "  --rp-client-id ID       cps and ecps flows: the relying service (default sandbox-rp)",
            "  --rp-client-secret S    its secret (default sandbox-rp-secret)",
            "  --rp-redirect-uri URI   its redirect URI (default https://localhost/sandbox-rp/callback)",
            "  --rp-cert P12           mtls-* flows: its ORG AUTH_CLI certificate, password 1234",
            "                          (default sandbox-data/pki/clients/sandbox-rp.p12)",
            "  --haproxy-socket PATH   with bin/psc-cluster: runs each flow with one node in HAProxy's rotation (the",
            "                          others drained through this admin socket), then with all, rows flow@N",
            "                          (e.g. cluster-data/haproxy/admin.sock; see docs/cluster.md)",
            "  --json                  also print a one-line JSON summary",
            "  --allow-remote          allow a base URL whose host is not localhost, 127.x or ::1",
            "  --help                  print this help",
            "");

    private URI baseUrl = URI.create("https://localhost:8443/auth");
    private String realm = "esante-wallet";
    private Path cacert;
    private int durationSeconds = 30;
    private int warmupSeconds = 5;
    private int concurrency = 8;
    private List<String> flows = List.of(FlowRegistry.PASSWORD);
    private long maxFlows = 1_000_000;
    private int requestTimeoutSeconds = 10;
    private String user = "bench.password";
    private String password = "Bench-Password-1234";
    private String clientId = "psc-bench";
    private String clientSecret = "psc-bench-sandbox-secret";
    private URI redirectUri = URI.create("https://localhost/bench/callback");
    private Path cards = Path.of("sandbox-data/pki/cards");
    private Path ecpsDevices = Path.of("sandbox-data/ecps/devices");
    private String rpClientId = "sandbox-rp";
    private String rpClientSecret = "sandbox-rp-secret";
    private URI rpRedirectUri = URI.create("https://localhost/sandbox-rp/callback");
    private Path rpCert = Path.of("sandbox-data/pki/clients/sandbox-rp.p12");
    @Option(names = "--haproxy-socket")
    private Path haproxySocket;
    @Option(names = "--json")
    private boolean json;
    @Option(names = "--allow-remote")
    private boolean allowRemote;
    @Mixin
    private HelpOption help;
    private boolean cacertGiven;

    /** The options as given by picocli; {@link #parse} for the checked ones. */
    BenchOptions() {
    }

    /**
     * Parses {@code --name value} or {@code --name=value} options and checks them before any request is sent.
     *
     * @throws ParameterException on an unknown option, a missing or bad value, or a non-loopback host
     *                            without {@code --allow-remote}
     */
    public static BenchOptions parse(String... args) {
        BenchOptions o = ToolRunner.populate(new BenchOptions(), args);
        if (!o.help()) {
            try {
                o.check();
            } catch (TypeConversionException e) {
                throw new ParameterException(ToolRunner.commandLine(o), e.getMessage(), e);
            }
        }
        return o;
    }

    @Option(names = "--base-url")
    private void baseUrl(String value) {
        baseUrl = httpUri("--base-url", value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    }

    @Option(names = "--realm")
    private void realm(String value) {
        realm = realmName(value);
    }

    @Option(names = "--cacert")
    private void cacert(String value) {
        cacert = Path.of(nonBlank("--cacert", value));
        cacertGiven = true;
    }

    @Option(names = "--duration")
    private void duration(String value) {
        durationSeconds = (int) number("--duration", value, 1, 86_400);
    }

    @Option(names = "--warmup")
    private void warmup(String value) {
        warmupSeconds = (int) number("--warmup", value, 0, 86_400);
    }

    @Option(names = "--concurrency")
    private void concurrency(String value) {
        concurrency = (int) number("--concurrency", value, 1, 1_024);
    }

    @Option(names = "--flows")
    private void flows(String value) {
        flows = flowList(value);
    }

    @Option(names = "--max-flows")
    private void maxFlows(String value) {
        maxFlows = number("--max-flows", value, 1, 1_000_000_000L);
    }

    @Option(names = "--request-timeout")
    private void requestTimeout(String value) {
        requestTimeoutSeconds = (int) number("--request-timeout", value, 1, 3_600);
    }

    @Option(names = "--user")
    private void user(String value) {
        user = nonBlank("--user", value);
    }

    @Option(names = "--password")
    private void password(String value) {
        password = value;
    }

    @Option(names = "--client-id")
    private void clientId(String value) {
        clientId = nonBlank("--client-id", value);
    }

    @Option(names = "--client-secret")
    private void clientSecret(String value) {
        clientSecret = value;
    }

    @Option(names = "--redirect-uri")
    private void redirectUri(String value) {
        redirectUri = httpUri("--redirect-uri", value);
    }

    @Option(names = "--cards")
    private void cards(String value) {
        cards = Path.of(nonBlank("--cards", value));
    }

    @Option(names = "--ecps-devices")
    private void ecpsDevices(String value) {
        ecpsDevices = Path.of(nonBlank("--ecps-devices", value));
    }

    @Option(names = "--rp-client-id")
    private void rpClientId(String value) {
        rpClientId = nonBlank("--rp-client-id", value);
    }

    @Option(names = "--rp-client-secret")
    private void rpClientSecret(String value) {
        rpClientSecret = value;
    }

    @Option(names = "--rp-redirect-uri")
    private void rpRedirectUri(String value) {
        rpRedirectUri = httpUri("--rp-redirect-uri", value);
    }

    @Option(names = "--rp-cert")
    private void rpCert(String value) {
        rpCert = Path.of(nonBlank("--rp-cert", value));
    }

    /**
     * The checks that need every option: run by {@link #parse}, and by the command before it sends anything.
     *
     * @throws TypeConversionException when the options cannot be run as given
     */
    void check() {
        if (!cacertGiven && Files.isRegularFile(SANDBOX_CA_BUNDLE)) {
            cacert = SANDBOX_CA_BUNDLE;
        }
        if (!allowRemote && !Loopback.isLoopbackHost(baseUrl.getHost())) {
            throw new TypeConversionException("--base-url host " + baseUrl.getHost()
                    + " is not localhost, 127.x or ::1; add --allow-remote to load a remote server");
        }
        if (haproxySocket != null && !Files.exists(haproxySocket)) {
            throw new TypeConversionException("--haproxy-socket " + haproxySocket + ": no such socket (is "
                    + "bin/psc-cluster running?)");
        }
        if (cacert != null && !Files.isRegularFile(cacert)) {
            throw new TypeConversionException("--cacert " + cacert + ": no such file");
        }
    }

    private static String nonBlank(String name, String value) {
        if (value.isBlank()) {
            throw new TypeConversionException(name + " needs a non-empty value");
        }
        return value;
    }

    private static String realmName(String value) {
        // It goes into URL paths unencoded; sandbox and test realms never need more than this.
        if (!value.matches("[A-Za-z0-9._-]+")) {
            throw new TypeConversionException("--realm takes letters, digits, '.', '_' and '-' only, not '" + value + "'");
        }
        return value;
    }

    private static long number(String name, String value, long min, long max) {
        long n;
        try {
            n = Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new TypeConversionException(name + " needs a whole number, not '" + value + "'");
        }
        if (n < min || n > max) {
            throw new TypeConversionException(name + " must be between " + min + " and " + max + ", not " + n);
        }
        return n;
    }

    private static URI httpUri(String name, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new TypeConversionException(name + " is not a URL: " + value);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new TypeConversionException(name + " needs an http:// or https:// URL with a host, not " + value);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new TypeConversionException(name + " must not carry a query or fragment: " + value);
        }
        return uri;
    }

    private static List<String> flowList(String value) {
        List<String> names = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String flow = part.trim();
            if (flow.isEmpty()) {
                throw new TypeConversionException("--flows has an empty name in '" + value + "'");
            }
            if (!FlowRegistry.names().contains(flow)) {
                throw new TypeConversionException("--flows: unknown flow '" + flow + "' (known: "
                        + String.join(", ", FlowRegistry.names()) + ")");
            }
            if (names.contains(flow)) {
                throw new TypeConversionException("--flows lists '" + flow + "' twice");
            }
            names.add(flow);
        }
        return List.copyOf(names);
    }

    public URI baseUrl() { return baseUrl; }
    public String realm() { return realm; }
    /** The trust bundle for https, or null to use the JDK's default trust store. */
    public Path cacert() { return cacert; }
    public int durationSeconds() { return durationSeconds; }
    public int warmupSeconds() { return warmupSeconds; }
    public int concurrency() { return concurrency; }
    public List<String> flows() { return flows; }
    public long maxFlows() { return maxFlows; }
    public int requestTimeoutSeconds() { return requestTimeoutSeconds; }
    public String user() { return user; }
    public String password() { return password; }
    public String clientId() { return clientId; }
    public String clientSecret() { return clientSecret; }
    public URI redirectUri() { return redirectUri; }
    public Path cards() { return cards; }
    public Path ecpsDevices() { return ecpsDevices; }
    public String rpClientId() { return rpClientId; }
    public String rpClientSecret() { return rpClientSecret; }
    public URI rpRedirectUri() { return rpRedirectUri; }
    public Path rpCert() { return rpCert; }
    public boolean json() { return json; }
    /** HAProxy's admin socket, to compare one node with all; null for a plain run. */
    public Path haproxySocket() { return haproxySocket; }
    public boolean allowRemote() { return allowRemote; }
    public boolean help() { return help.requested(); }

    /** {@code {base}/realms/{realm}/protocol/openid-connect/} + the given endpoint name. */
    public URI oidcEndpoint(String endpoint) {
        return URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/" + endpoint);
    }

    @Override
    public String toString() {
        // No password or secret here: this may end up in logs.
        return "BenchOptions" + Arrays.asList(baseUrl, realm, cacert, durationSeconds + "s", warmupSeconds + "s warm-up",
                concurrency + " clients", flows, maxFlows + " max", user, clientId);
    }
}
