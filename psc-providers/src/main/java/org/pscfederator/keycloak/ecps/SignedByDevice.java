package org.pscfederator.keycloak.ecps;

import java.sql.SQLException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.keycloak.models.SingleUseObjectProvider;
import org.pscfederator.core.events.EcpsRefusal;

/**
 * Checks a compact JWS from a device: ES256 only, {@code kid} naming a registered, unrevoked device, the signature
 * by that device's key, a timestamp within the allowed skew, a nonce never seen before from that device, and the
 * purpose ({@code typ} claim) it was made for. What it returns is trustworthy; anything else is refused.
 */
public final class SignedByDevice {

    public static final Duration MAX_SKEW = Duration.ofSeconds(60);
    private static final int MAX_LENGTH = 4096;

    private final DeviceStore devices;
    private final SingleUseObjectProvider nonces;

    public SignedByDevice(DeviceStore devices, SingleUseObjectProvider nonces) {
        this.devices = devices;
        this.nonces = nonces;
    }

    public record Verified(Device device, JWTClaimsSet claims) {
    }

    public Verified verify(String compact, String purpose) throws DeviceApiException {
        if (compact == null || compact.isBlank() || compact.length() > MAX_LENGTH) {
            throw new DeviceApiException(400, "malformed_jws", "missing or oversized JWS");
        }
        SignedJWT jws;
        JWTClaimsSet claims;
        try {
            jws = SignedJWT.parse(compact.strip());
            claims = jws.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new DeviceApiException(400, "malformed_jws", "unparseable JWS: " + e.getMessage());
        }
        if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
            throw new DeviceApiException(400, "malformed_jws", "algorithm " + jws.getHeader().getAlgorithm());
        }
        String kid = jws.getHeader().getKeyID();
        if (Device.wellFormedId(kid).isEmpty()) {
            throw new DeviceApiException(400, "malformed_jws", "no usable kid");
        }
        Optional<Device> found;
        try {
            found = devices.find(kid);
        } catch (SQLException e) {
            throw new DeviceApiException(503, EcpsRefusal.UNAVAILABLE.code(), "device store: " + e.getMessage());
        }
        if (found.isEmpty()) {
            throw new DeviceApiException(401, "unknown_device", "no device " + kid);
        }
        Device device = found.get();
        if (!verifies(jws, device)) {
            throw new DeviceApiException(401, "bad_signature", "signature does not match device " + kid);
        }
        // The signature holds: from here on the event may name the device.
        if (device.revoked()) {
            throw new DeviceApiException(403, "device_revoked", "device " + kid + " is revoked").withDevice(device);
        }
        if (!purpose.equals(claimString(claims, "typ"))) {
            throw new DeviceApiException(400, "malformed_jws", "typ is not " + purpose).withDevice(device);
        }
        Date issued = claims.getIssueTime();
        Instant now = Instant.now();
        if (issued == null || Duration.between(issued.toInstant(), now).abs().compareTo(MAX_SKEW) > 0) {
            throw new DeviceApiException(400, "stale_timestamp", "iat outside " + MAX_SKEW.toSeconds() + " s").withDevice(device);
        }
        String nonce = claimString(claims, "nonce");
        if (nonce == null || !nonce.matches("[A-Za-z0-9_-]{16,128}")) {
            throw new DeviceApiException(400, "malformed_jws", "nonce missing or not 16-128 url-safe characters").withDevice(device);
        }
        // Kept past the skew window both ways: a replay is refused for as long as its timestamp could pass.
        if (!nonces.putIfAbsent("psc-ecps-nonce:" + device.id() + ":" + nonce, 2 * MAX_SKEW.toSeconds() + 5)) {
            throw new DeviceApiException(409, "replayed", "nonce already used by device " + kid).withDevice(device);
        }
        return new Verified(device, claims);
    }

    private static boolean verifies(SignedJWT jws, Device device) {
        try {
            ECKey key = ECKey.parse(device.publicJwk());
            if (!Curve.P_256.equals(key.getCurve())) {
                return false;
            }
            return jws.verify(new ECDSAVerifier(key.toECPublicKey()));
        } catch (ParseException | JOSEException e) {
            return false;
        }
    }

    static String claimString(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String text ? text : null;
    }

    /** A registered device's public key: EC P-256, public part only, re-serialised so nothing else is kept. */
    public static String publicJwk(Map<String, Object> submitted) throws DeviceApiException {
        try {
            ECKey key = ECKey.parse(submitted);
            if (!Curve.P_256.equals(key.getCurve())) {
                throw new DeviceApiException(400, "bad_key", "curve is not P-256");
            }
            if (key.isPrivate()) {
                throw new DeviceApiException(400, "bad_key", "a private key was sent");
            }
            return new ECKey.Builder(key.getCurve(), key.toECPublicKey()).build().toJSONString();
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            throw new DeviceApiException(400, "bad_key", "not an EC public JWK: " + e.getMessage());
        }
    }
}
