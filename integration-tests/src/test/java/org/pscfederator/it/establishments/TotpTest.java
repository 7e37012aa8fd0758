package org.pscfederator.it.establishments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The test's authenticator app against RFC 6238's appendix B test vectors, and RFC 4648's base32 vectors. */
@Tag("psc-establishment")
class TotpTest {

    // RFC 6238 appendix B: the seeds are these ASCII strings (20, 32 and 64 bytes), 8 digits, 30 s.
    private static final String SHA1_SEED = "12345678901234567890";
    private static final String SHA256_SEED = "12345678901234567890123456789012";
    private static final String SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234";

    @ParameterizedTest
    @CsvSource({
            "59, HmacSHA1, 94287082", "59, HmacSHA256, 46119246", "59, HmacSHA512, 90693936",
            "1111111109, HmacSHA1, 07081804", "1111111109, HmacSHA256, 68084774", "1111111109, HmacSHA512, 25091201",
            "1111111111, HmacSHA1, 14050471", "1111111111, HmacSHA256, 67062674", "1111111111, HmacSHA512, 99943326",
            "1234567890, HmacSHA1, 89005924", "1234567890, HmacSHA256, 91819424", "1234567890, HmacSHA512, 93441116",
            "2000000000, HmacSHA1, 69279037", "2000000000, HmacSHA256, 90698825", "2000000000, HmacSHA512, 38618901",
            "20000000000, HmacSHA1, 65353130", "20000000000, HmacSHA256, 77737706", "20000000000, HmacSHA512, 47863826"})
    void codesMatchRfc6238TestVectors(long seconds, String algorithm, String expected) {
        String seed = switch (algorithm) {
            case "HmacSHA1" -> SHA1_SEED;
            case "HmacSHA256" -> SHA256_SEED;
            default -> SHA512_SEED;
        };
        Totp totp = new Totp(seed.getBytes(StandardCharsets.US_ASCII), algorithm, 8, 30);

        assertThat(totp.code(Instant.ofEpochSecond(seconds))).isEqualTo(expected);
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheTruncation() {
        Totp totp = new Totp(SHA1_SEED.getBytes(StandardCharsets.US_ASCII), "HmacSHA1", 6, 30);

        assertThat(totp.code(Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(totp.code(Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    }

    @Test
    void codeChangesWithTheTimeStepOnly() {
        Totp totp = new Totp(SHA1_SEED.getBytes(StandardCharsets.US_ASCII), "HmacSHA1", 6, 30);

        assertThat(totp.code(Instant.ofEpochSecond(60))).isEqualTo(totp.code(Instant.ofEpochSecond(89)));
        assertThat(totp.code(Instant.ofEpochSecond(89))).isNotEqualTo(totp.code(Instant.ofEpochSecond(90)));
        assertThat(totp.startOf(totp.step(Instant.ofEpochSecond(89)))).isEqualTo(Instant.ofEpochSecond(60));
    }

    @ParameterizedTest
    @CsvSource({"MY======, f", "MZXQ====, fo", "MZXW6===, foo", "MZXW6YQ=, foob", "MZXW6YTB, fooba",
            "MZXW6YTBOI======, foobar", "mzxw6ytboi, foobar"})
    void base32DecodesRfc4648TestVectors(String encoded, String decoded) {
        assertThat(new String(Totp.base32(encoded), StandardCharsets.US_ASCII)).isEqualTo(decoded);
    }

    @Test
    void base32RefusesOtherCharacters() {
        assertThatThrownBy(() -> Totp.base32("MZXW1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1'");
    }

    @Test
    void keycloakDefaultsAreSha1SixDigitsThirtySeconds() {
        Totp app = Totp.ofBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        Totp rfc = new Totp(SHA1_SEED.getBytes(StandardCharsets.US_ASCII), "HmacSHA1", 6, 30);

        assertThat(app.code(Instant.ofEpochSecond(1234567890))).isEqualTo(rfc.code(Instant.ofEpochSecond(1234567890)))
                .isEqualTo("005924");
    }
}
