package org.pscfederator.ecps.simulator;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** The JWS a device sends: proofs of possession for its calls, and answers to requests (ES256, kid = device id). */
public final class DeviceSigner {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceSigner() {
    }

    public static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Proves possession of the device key for one call: method and path (after {@code v1/}), fresh nonce. */
    public static String proof(String deviceId, ECKey key, String method, String path) {
        return sign(deviceId, key, new JWTClaimsSet.Builder().claim("typ", "psc-ecps-proof").claim("htm", method)
                .claim("htu", path).claim("nonce", nonce()).issueTime(new Date()).build());
    }

    /** The answer to a request: approve with the chosen code, or deny. */
    public static String answer(String deviceId, ECKey key, String requestId, String code, boolean approve) {
        return answer(deviceId, key, requestId, code, approve, nonce(), new Date());
    }

    public static String answer(String deviceId, ECKey key, String requestId, String code, boolean approve,
            String nonce, Date issuedAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().claim("typ", "psc-ecps-approval")
                .claim("request_id", requestId).claim("decision", approve ? "approve" : "deny")
                .claim("nonce", nonce).issueTime(issuedAt);
        if (code != null) {
            claims.claim("code", code);
        }
        return sign(deviceId, key, claims.build());
    }

    static String sign(String deviceId, ECKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jws = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(deviceId).build(), claims);
            jws.sign(new ECDSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new SimulatorException("cannot sign: " + e.getMessage());
        }
    }
}
