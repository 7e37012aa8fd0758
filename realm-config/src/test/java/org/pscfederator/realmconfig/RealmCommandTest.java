package org.pscfederator.realmconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import org.junit.jupiter.api.Test;
import org.pscfederator.cli.ToolRun;

class RealmCommandTest {

    private ToolRun last;

    private int run(String... args) {
        last = ToolRun.of((out, err) -> RealmCommand.run(args, out, err));
        return last.code();
    }


    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(last.out()).startsWith("usage: realm-config assemble");
        assertThat(run("assemble", "-h")).isZero();
    }

    @Test
    void aBadOptionIsOneLineAndExitsTwo() {
        assertThat(run("assemble", "production", "--colour", "red")).isEqualTo(2);
        assertThat(last.err()).startsWith("realm-config: error: unknown option --colour").hasLineCount(1);
    }

    @Test
    void aMissingOptionIsOneLineAndExitsTwo() {
        assertThat(run("assemble", "production", "--out", "x.json")).isEqualTo(2);
        assertThat(last.err()).startsWith("realm-config: error: --").contains("is required").hasLineCount(1);
        assertThat(run("assemble", "production", "--out")).isEqualTo(2);
        assertThat(last.err()).isEqualTo("realm-config: error: --out needs a value\n");
    }

    @Test
    void anUnknownVariantIsABadValue() {
        assertThat(run("assemble", "staging", "--card-trust-anchors", "a.pem", "--client-trust-anchors", "b.pem",
                "--card-policy", "1.2", "--client-policy", "1.3", "--card-crls", "c", "--client-crls", "d",
                "--out", "x.json")).isEqualTo(2);
        assertThat(last.err()).isEqualTo("realm-config: error: unknown realm variant 'staging' (expected sandbox or "
                + "production)\n");
    }

    @Test
    void sandboxWritesTheHospitalRealmBesideTheRealmWithTheGivenPublicUrl(@TempDir Path dir) throws Exception {
        assertThat(run(sandboxArguments(dir, "https://psc.example.test:9443/auth"))).isZero();
        assertThat(Files.readString(dir.resolve("esante-wallet.json")))
                .contains("https://psc.example.test:9443/auth/realms/hopital-demo");
        assertThat(Files.readString(dir.resolve("hopital-demo.json")))
                .contains("https://psc.example.test:9443/auth/realms/esante-wallet/broker/hopital-demo/endpoint");
        assertThat(last.out()).contains("realm hopital-demo to ");
    }

    @Test
    void aPublicUrlThatIsNotHttpsIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        assertThat(run(sandboxArguments(dir, "http://localhost:8443/auth"))).isEqualTo(2);
        assertThat(last.err()).startsWith("realm-config: error: the public URL is not an https base URL")
                .hasLineCount(1);
        assertThat(dir.resolve("esante-wallet.json")).doesNotExist();
        assertThat(dir.resolve("hopital-demo.json")).doesNotExist();
    }

    private static String[] sandboxArguments(Path dir, String publicUrl) throws Exception {
        Path pem = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n");
        return new String[] {"assemble", "sandbox", "--card-trust-anchors", pem.toString(), "--client-trust-anchors",
                pem.toString(), "--card-policy", "1.2.3", "--client-policy", "1.2.4", "--card-crls", "/a.crl",
                "--client-crls", "/b.crl", "--out", dir.resolve("esante-wallet.json").toString(), "--public-url",
                publicUrl};
    }
}
