package org.pscfederator.ecps.simulator;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** The device's 4-digit PIN, kept as a salted PBKDF2 hash, as an app would keep it next to its key. */
final class Pin {

    static final int MAX_FAILURES = 3;
    private static final int ITERATIONS = 100_000;

    private Pin() {
    }

    static boolean wellFormed(String pin) {
        return pin != null && pin.matches("[0-9]{4}");
    }

    static String salt() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return Base64.getEncoder().encodeToString(salt);
    }

    static String hash(String pin, String salt) {
        try {
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(
                    new PBEKeySpec(pin.toCharArray(), Base64.getDecoder().decode(salt), ITERATIONS, 256)).getEncoded();
            return Base64.getEncoder().encodeToString(derived);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(String pin, String salt, String expectedHash) {
        return wellFormed(pin) && MessageDigest.isEqual(hash(pin, salt).getBytes(), expectedHash.getBytes());
    }
}
