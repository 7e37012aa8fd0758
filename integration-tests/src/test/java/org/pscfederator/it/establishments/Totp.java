package org.pscfederator.it.establishments;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A time-based one-time password (RFC 6238, on RFC 4226's HOTP) as an authenticator app computes it from the secret
 * it was given, so that a test logs in to the hospital's realm as its staff do, with the second factor.
 */
final class Totp {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final byte[] key;
    private final String algorithm;
    private final int digits;
    private final int periodSeconds;

    Totp(byte[] key, String algorithm, int digits, int periodSeconds) {
        if (digits < 6 || digits > 8 || periodSeconds < 1) {
            throw new IllegalArgumentException("digits 6..8 and a positive period");
        }
        this.key = key.clone();
        this.algorithm = algorithm;
        this.digits = digits;
        this.periodSeconds = periodSeconds;
    }

    /** Keycloak's default policy (HmacSHA1, 6 digits, 30 s) for a secret written in base32, as apps take it. */
    static Totp ofBase32(String secret) {
        return new Totp(base32(secret), "HmacSHA1", 6, 30);
    }

    /** The time step an instant falls in. */
    long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), periodSeconds);
    }

    /** The instant a time step begins. */
    Instant startOf(long step) {
        return Instant.ofEpochSecond(step * periodSeconds);
    }

    String code(Instant at) {
        return codeOfStep(step(at));
    }

    String codeOfStep(long step) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
        // RFC 4226 5.3, dynamic truncation.
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        int modulus = (int) Math.pow(10, digits);
        return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
    }

    /** RFC 4648 base32 (upper or lower case, padding and spaces ignored). */
    static byte[] base32(String text) {
        String clean = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32: '" + c + "'");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
