package org.pscfederator.keycloak.ecps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** The checks of a device's JWS, on a real H2 device table and an in-memory single-use store. */
class SignedByDeviceTest {

    private DeviceStore devices;
    private InMemorySingleUseObjects nonces;
    private SignedByDevice signatures;
    private ECKey key;
    private ECKey otherKey;
    private String deviceId;

    @BeforeEach
    void setUp() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:ecps-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        DatabaseDeviceStoreFactory.SCHEMA.migrate(dataSource);
        devices = new DeviceStore(dataSource);
        nonces = new InMemorySingleUseObjects();
        signatures = new SignedByDevice(devices, nonces);
        key = new ECKeyGenerator(Curve.P_256).generate();
        otherKey = new ECKeyGenerator(Curve.P_256).generate();
        deviceId = UUID.randomUUID().toString();
        devices.add(new Device(deviceId, "899700366240", SignedByDevice.publicJwk(key.toPublicJWK().toJSONObject()),
                "test", Instant.now(), null, null));
    }

    private String signed(ECKey by, String kid, String typ, String nonce, Date issued) throws Exception {
        SignedJWT jws = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build(),
                new JWTClaimsSet.Builder().claim("typ", typ).claim("nonce", nonce).issueTime(issued).build());
        jws.sign(new ECDSASigner(by));
        return jws.serialize();
    }

    private static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void aGoodJwsNamesItsDevice() throws Exception {
        SignedByDevice.Verified verified = signatures.verify(signed(key, deviceId, "t", nonce(), new Date()), "t");

        assertThat(verified.device().id()).isEqualTo(deviceId);
        assertThat(verified.device().idNat()).isEqualTo("899700366240");
    }

    @Test
    void anotherKeyUnderTheDeviceIdIsRefused() throws Exception {
        assertRefused(signed(otherKey, deviceId, "t", nonce(), new Date()), "bad_signature", 401);
    }

    @Test
    void anUnknownDeviceIsRefused() throws Exception {
        assertRefused(signed(key, "no-such-device", "t", nonce(), new Date()), "unknown_device", 401);
    }

    @Test
    void aReplayedNonceIsRefused() throws Exception {
        String nonce = nonce();
        signatures.verify(signed(key, deviceId, "t", nonce, new Date()), "t");

        assertRefused(signed(key, deviceId, "t", nonce, new Date()), "replayed", 409);
    }

    @Test
    void aTimestampOutsideTheSkewIsRefused() throws Exception {
        assertRefused(signed(key, deviceId, "t", nonce(), Date.from(Instant.now().minusSeconds(120))),
                "stale_timestamp", 400);
        assertRefused(signed(key, deviceId, "t", nonce(), Date.from(Instant.now().plusSeconds(120))),
                "stale_timestamp", 400);
    }

    @Test
    void aJwsMadeForAnotherPurposeIsRefused() throws Exception {
        assertRefused(signed(key, deviceId, "psc-ecps-proof", nonce(), new Date()), "malformed_jws", 400);
    }

    @Test
    void aRevokedDeviceIsRefusedAndNamed() throws Exception {
        assertThat(devices.revoke(deviceId, Instant.now())).isTrue();
        assertThat(devices.revoke(deviceId, Instant.now())).as("revoked once").isFalse();

        assertThatThrownBy(() -> signatures.verify(signed(key, deviceId, "t", nonce(), new Date()), "t"))
                .isInstanceOfSatisfying(DeviceApiException.class, e -> {
                    assertThat(e.reason()).isEqualTo("device_revoked");
                    assertThat(e.device().id()).isEqualTo(deviceId);
                });
    }

    @Test
    void otherAlgorithmsAndGarbageAreMalformed() throws Exception {
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(deviceId).build(),
                new JWTClaimsSet.Builder().claim("typ", "t").build());
        hs.sign(new MACSigner(new byte[32]));
        assertRefused(hs.serialize(), "malformed_jws", 400);
        assertRefused("eyJhbGciOiJub25lIn0.eyJ0eXAiOiJ0In0.", "malformed_jws", 400);
        assertRefused("", "malformed_jws", 400);
        assertRefused("x".repeat(5000), "malformed_jws", 400);
    }

    @Test
    void onlyAnEcP256PublicKeyIsRegistered() throws Exception {
        assertThatThrownBy(() -> SignedByDevice.publicJwk(key.toJSONObject()))
                .hasMessageContaining("private");
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
        assertThatThrownBy(() -> SignedByDevice.publicJwk(p384.toPublicJWK().toJSONObject()))
                .hasMessageContaining("P-256");
        assertThat(SignedByDevice.publicJwk(key.toPublicJWK().toJSONObject())).doesNotContain("\"d\"");
    }

    private void assertRefused(String jws, String reason, int status) {
        assertThatThrownBy(() -> signatures.verify(jws, "t")).isInstanceOfSatisfying(DeviceApiException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.status()).isEqualTo(status);
                });
    }
}
