package org.pscfederator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code psc-admin idp}'s bad command lines, without a server (the port given is closed): refused before any server
 * is asked, one line on stderr naming the option, exit code 2; a good one goes as far as the unreachable server.
 */
@Tag("psc-establishments")
class IdpCommandLineTest {

    private static final String NO_SERVER = "https://localhost:1/auth";
    private static final Map<String, String> PASSWORD = Map.of("PSC_ADMIN_PASSWORD", "x");
    private static final String DISCOVERY = "https://localhost:8443/auth/realms/hopital-demo/.well-known/openid-configuration";

    @TempDir
    Path folder;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        out.reset();
        err.reset();
        return new AdminCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment).run(args);
    }

    private String error() {
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text.strip().lines()).as(text).hasSize(1);
        assertThat(text).startsWith("psc-admin: error: ").doesNotContain("Exception");
        return text.strip();
    }

    private String[] register(String... changes) throws Exception {
        Path secret = Files.writeString(folder.resolve("secret"), "hopital-demo-psc-federator-secret\n");
        List<String> args = new ArrayList<>(List.of("idp", "register", "--alias", "hopital-demo", "--discovery",
                DISCOVERY, "--client-id", "psc-federator", "--client-secret-file", secret.toString(), "--name",
                "Centre hospitalier de démonstration", "--structures", "finess:759900020", "--amr-all-of", "pwd",
                "--server", NO_SERVER));
        for (int i = 0; i < changes.length; i += 2) {
            int at = args.indexOf(changes[i]);
            if (changes[i + 1] == null) {
                args.remove(at + 1);
                args.remove(at);
            } else if (at < 0) {
                args.add(changes[i]);
                if (!changes[i + 1].isEmpty()) {
                    args.add(changes[i + 1]);
                }
            } else {
                args.set(at + 1, changes[i + 1]);
            }
        }
        return args.toArray(String[]::new);
    }

    @Test
    void aGoodRegistrationGoesAsFarAsTheServer() throws Exception {
        assertThat(run(PASSWORD, register())).isEqualTo(1);
        assertThat(error()).isEqualTo("psc-admin: error: cannot reach " + NO_SERVER + ": is the server running?");
    }

    @Test
    void badSettingsAreRefusedBeforeAnyServerIsAsked() throws Exception {
        assertThat(run(PASSWORD, register("--structures", "finess:12345"))).isEqualTo(2);
        assertThat(error()).contains("--structures: pscStructures: ").doesNotContain("cannot reach");
        assertThat(run(PASSWORD, register("--subject-claims", "email"))).isEqualTo(2);
        assertThat(error()).contains("--subject-claims: pscSubjectClaims: ");
        assertThat(run(PASSWORD, register("--pairing-days", "9999"))).isEqualTo(2);
        assertThat(error()).contains("--pairing-days: pscPairingDays: ");
        assertThat(run(PASSWORD, register("--pairing-days", "many"))).isEqualTo(2);
        assertThat(error()).contains("--pairing-days");
        assertThat(run(PASSWORD, register("--alias", "a/b"))).isEqualTo(2);
        assertThat(error()).contains("--alias: ");
        assertThat(run(PASSWORD, register("--discovery", "http://localhost/.well-known/openid-configuration")))
                .isEqualTo(2);
        assertThat(error()).contains("--discovery: an https URL");
    }

    @Test
    void clientAuthenticationMustBeExactlyOneThatKeycloakCanDo() throws Exception {
        assertThat(run(PASSWORD, register("--private-key-jwt", ""))).isEqualTo(2);
        assertThat(error()).contains("exactly one of --client-secret-file FILE and --private-key-jwt");
        assertThat(run(PASSWORD, register("--client-secret-file", null))).isEqualTo(2);
        assertThat(error()).contains("exactly one");
        assertThat(run(PASSWORD, register("--client-secret-file", null, "--tls-client-auth", ""))).isEqualTo(2);
        assertThat(error()).contains("--tls-client-auth: ");
        Path empty = Files.writeString(folder.resolve("empty"), "");
        assertThat(run(PASSWORD, register("--client-secret-file", empty.toString()))).isEqualTo(2);
        assertThat(error()).contains("--client-secret-file: the first line");
    }

    @Test
    void requiredOptionsAreNamed() throws Exception {
        assertThat(run(PASSWORD, register("--structures", null))).isEqualTo(2);
        assertThat(error()).contains("--structures");
        assertThat(run(PASSWORD, "idp", "show", "--server", NO_SERVER)).isEqualTo(2);
        assertThat(error()).contains("--alias");
        assertThat(run(PASSWORD, "idp", "unpair", "--idnat", "899900000219", "--server", NO_SERVER)).isEqualTo(2);
        assertThat(error()).contains("--provider");
        assertThat(run(PASSWORD, "idp", "pairings", "--idnat", "8999 00;x", "--server", NO_SERVER)).isEqualTo(2);
        assertThat(error()).contains("--idnat: not a national identifier");
        assertThat(run(PASSWORD, "idp", "unpair", "--idnat", "899900000219", "--provider", "../x", "--server",
                NO_SERVER)).isEqualTo(2);
        assertThat(error()).contains("--provider: ");
    }

    @Test
    void withoutAPasswordNothingIsAsked() {
        assertThat(run(Map.of(), "idp", "disable", "--alias", "hopital-demo", "--server", NO_SERVER)).isEqualTo(2);
        assertThat(error()).contains("set PSC_ADMIN_PASSWORD");
    }

    @Test
    void helpListsTheIdpCommands() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("idp register --alias ALIAS --discovery URL",
                "idp disable --alias ALIAS", "idp pairings --idnat ID", "idp unpair --idnat ID --provider ALIAS");
    }
}
