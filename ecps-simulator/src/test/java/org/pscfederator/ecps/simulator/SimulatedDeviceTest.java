package org.pscfederator.ecps.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;

class SimulatedDeviceTest {

    @TempDir
    Path folder;

    private SimulatedDevice saved(String pin) {
        SimulatedDevice device = SimulatedDevice.create(SimulatedDevice.fileFor(folder, "3500000001815646/CPAT00045"),
                "3500000001815646/CPAT00045", pin);
        device.registered("device-1");
        device.save();
        return device;
    }

    @Test
    void keptInOneFileWithoutThePin() throws Exception {
        SimulatedDevice device = saved("1234");

        assertThat(device.file().getFileName().toString()).isEqualTo("3500000001815646_CPAT00045.json");
        String file = Files.readString(device.file());
        assertThat(file).contains("device-1").doesNotContain("\"1234\"");
        SimulatedDevice loaded = SimulatedDevice.load(device.file());
        assertThat(loaded.deviceId()).isEqualTo("device-1");
        assertThat(loaded.publicJwk()).isEqualTo(device.publicJwk()).doesNotContainKey("d");
    }

    @Test
    void theRightPinUnlocksAKeyWhoseSignaturesTheServerCanCheck() throws Exception {
        SimulatedDevice device = SimulatedDevice.load(saved("1234").file());

        ECKey key = device.unlock("1234");
        SignedJWT answer = SignedJWT.parse(DeviceSigner.answer("device-1", key, "r", "47", true));

        assertThat(answer.verify(new ECDSAVerifier(ECKey.parse(device.publicJwk())))).isTrue();
        assertThat(answer.getHeader().getKeyID()).isEqualTo("device-1");
        assertThat(answer.getJWTClaimsSet().getStringClaim("code")).isEqualTo("47");
        assertThat(answer.getJWTClaimsSet().getStringClaim("nonce")).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void threeWrongPinsLockTheDeviceEvenAcrossRestarts() {
        SimulatedDevice device = saved("1234");

        assertThatThrownBy(() -> device.unlock("0000")).hasMessageContaining("2 tries left");
        assertThatThrownBy(() -> SimulatedDevice.load(device.file()).unlock("1111"))
                .hasMessageContaining("1 tries left");
        assertThatThrownBy(() -> SimulatedDevice.load(device.file()).unlock("2222")).hasMessageContaining("locked");
        assertThatThrownBy(() -> SimulatedDevice.load(device.file()).unlock("1234")).hasMessageContaining("locked");
    }

    @Test
    void aRightPinResetsTheCount() {
        SimulatedDevice device = saved("1234");
        assertThatThrownBy(() -> device.unlock("0000"));
        assertThatThrownBy(() -> device.unlock("0000"));

        device.unlock("1234");

        assertThatThrownBy(() -> device.unlock("0000")).hasMessageContaining("2 tries left");
    }

    @Test
    void aPinIsFourDigits() {
        assertThatThrownBy(() -> SimulatedDevice.create(folder.resolve("x.json"), "899700366240", "12345"))
                .hasMessageContaining("4 digits");
        assertThatThrownBy(() -> SimulatedDevice.create(folder.resolve("x.json"), "899700366240", "abcd"))
                .hasMessageContaining("4 digits");
    }

    @Test
    void commandLineUsageAndBadArguments() {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        assertThat(SimulatorCommand.run(new String[] {"--help"}, new java.io.PrintStream(out),
                new java.io.PrintStream(err))).isEqualTo(0);
        assertThat(out.toString()).contains("approve --idnat ID --code NN --pin PIN");
        assertThat(SimulatorCommand.run(new String[] {"approve", "--idnat"}, new java.io.PrintStream(out),
                new java.io.PrintStream(err))).isEqualTo(2);
        assertThat(err.toString()).contains("--idnat needs a value");
        assertThat(SimulatorCommand.run(new String[] {"wait", "--idnat", "899700366240", "--data-dir",
                folder.toString(), "--cacert", folder.resolve("none.pem").toString()}, new java.io.PrintStream(out),
                new java.io.PrintStream(err))).isEqualTo(1);
    }
}
