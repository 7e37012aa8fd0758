package org.pscfederator.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The push relay the server posts e-CPS pushes to ({@code pscEcpsPush=relay}, psc-providers' RelayPushGateway), as
 * the launcher's {@code --push-relay-*} options name it: the relay's HTTPS URL, the federator's client key and
 * certificate (PKCS#12) and the relay's CA (PKCS#12), both stores under one password. The password reaches Keycloak
 * through its environment only, never a command line nor a log line.
 */
record PushRelay(URI url, Path keystore, Path truststore, String password) {

    /** Where the password is read when no {@code --push-relay-password-file} is given. */
    static final String PASSWORD_VARIABLE = "PSC_PUSH_RELAY_PASSWORD";
    /** Keycloak's environment variable for {@code --spi-psc-push-gateway--relay--keystore-password}. */
    static final String KEYCLOAK_PASSWORD_VARIABLE = "KC_SPI_PSC_PUSH_GATEWAY__RELAY__KEYSTORE_PASSWORD";
    private static final String OPTION_PREFIX = "--spi-psc-push-gateway--relay--";

    /**
     * The relay of the launcher's options, or null when none is asked for. {@code passwordVariable}: the value of
     * {@value #PASSWORD_VARIABLE} in the launcher's environment.
     */
    static PushRelay of(String url, Path keystore, Path truststore, Path passwordFile, String passwordVariable) {
        if (url == null) {
            if (keystore != null || truststore != null || passwordFile != null) {
                throw SandboxException.usage("--push-relay-keystore, --push-relay-truststore and "
                        + "--push-relay-password-file go with --push-relay-url");
            }
            return null;
        }
        URI relay = httpsUrl(url);
        if (keystore == null || truststore == null) {
            throw SandboxException.usage("--push-relay-url needs --push-relay-keystore and --push-relay-truststore");
        }
        return new PushRelay(relay, readable("--push-relay-keystore", keystore),
                readable("--push-relay-truststore", truststore), password(passwordFile, passwordVariable));
    }

    /** The message never repeats the URL: one with credentials in it would reach the console. */
    private static URI httpsUrl(String url) {
        try {
            URI relay = new URI(url);
            if (relay.getRawUserInfo() != null) {
                throw SandboxException.usage("--push-relay-url must be an https URL without credentials "
                        + "(user:password@): the relay knows the server by its client certificate");
            }
            if ("https".equals(relay.getScheme()) && relay.getHost() != null) {
                return relay;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw SandboxException.usage("--push-relay-url must be an https URL without credentials, as "
                + "https://relay.example/push");
    }

    private static Path readable(String option, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute) || !Files.isReadable(absolute)) {
            throw SandboxException.usage(option + ": no readable file " + absolute);
        }
        return absolute;
    }

    /** The file's first line, or the environment variable's value; never empty, never taken from the command line. */
    private static String password(Path file, String variable) {
        String password;
        if (file != null) {
            try {
                List<String> lines = Files.readAllLines(readable("--push-relay-password-file", file),
                        StandardCharsets.UTF_8);
                password = lines.isEmpty() ? "" : lines.get(0);
            } catch (IOException e) {
                throw SandboxException.usage("--push-relay-password-file: cannot read " + file + ": "
                        + e.getMessage());
            }
        } else {
            password = variable;
        }
        if (password == null || password.isEmpty()) {
            throw SandboxException.usage("--push-relay-url needs the stores' password: --push-relay-password-file "
                    + "FILE or the environment variable " + PASSWORD_VARIABLE);
        }
        return password;
    }

    /** Keycloak's options for the relay provider: everything but the password. */
    List<String> keycloakArguments() {
        return List.of(OPTION_PREFIX + "url=" + url, OPTION_PREFIX + "keystore=" + keystore,
                OPTION_PREFIX + "truststore=" + truststore);
    }

    /** The stores' password, for Keycloak's environment. */
    Map<String, String> keycloakEnvironment() {
        return Map.of(KEYCLOAK_PASSWORD_VARIABLE, password);
    }

    @Override
    public String toString() {
        return "PushRelay[url=" + url + ", keystore=" + keystore + ", truststore=" + truststore + ", password=***]";
    }
}
