package org.pscfederator.testpki;

import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the test PKI remembers between runs ({@code ca/state.properties}): the serial counter, which CA issued which
 * serial, the revoked serials with their revocation time, and each CA's CRL number. With it, revocations survive and
 * CRLs can be signed again identically except for their dates.
 *
 * <p>Serial numbers are a random 63-bit prefix drawn when the PKI is created followed by a 32-bit counter: unique
 * within the PKI, positive, over 64 bits, and different from those of a PKI created earlier under the same names
 * (browsers refuse a second certificate with an issuer and serial they have already seen).
 */
final class PkiState {

    private static final int COUNTER_BITS = 32;

    private final BigInteger serialPrefix;
    private long nextSerial;
    private final Map<CaRole, Set<BigInteger>> issued = new EnumMap<>(CaRole.class);
    private final Map<CaRole, Map<BigInteger, Instant>> revoked = new EnumMap<>(CaRole.class);
    private final Map<CaRole, BigInteger> crlNumbers = new EnumMap<>(CaRole.class);

    private PkiState(BigInteger serialPrefix, long nextSerial) {
        this.serialPrefix = serialPrefix;
        this.nextSerial = nextSerial;
        for (CaRole role : CaRole.values()) {
            issued.put(role, new TreeSet<>());
            revoked.put(role, new TreeMap<>());
            crlNumbers.put(role, BigInteger.ZERO);
        }
    }

    static PkiState fresh() {
        return new PkiState(new BigInteger(62, new SecureRandom()).setBit(62), 1);
    }

    BigInteger allocateSerial(CaRole issuer) {
        if (nextSerial >= (1L << COUNTER_BITS)) {
            throw new PkiException("the test PKI has used all its serial numbers; delete it and create a new one");
        }
        BigInteger serial = serialPrefix.shiftLeft(COUNTER_BITS).or(BigInteger.valueOf(nextSerial++));
        issued.get(issuer).add(serial);
        return serial;
    }

    Optional<CaRole> issuerOf(BigInteger serial) {
        return issued.entrySet().stream().filter(e -> e.getValue().contains(serial)).map(Map.Entry::getKey).findFirst();
    }

    /** Records a revocation; false when the serial was already revoked (the first time is kept). */
    boolean revoke(CaRole issuer, BigInteger serial, Instant when) {
        return revoked.get(issuer).putIfAbsent(serial, when) == null;
    }

    boolean isRevoked(BigInteger serial) {
        return revoked.values().stream().anyMatch(r -> r.containsKey(serial));
    }

    Map<BigInteger, Instant> revoked(CaRole issuer) {
        return Collections.unmodifiableMap(revoked.get(issuer));
    }

    BigInteger nextCrlNumber(CaRole issuer) {
        BigInteger next = crlNumbers.get(issuer).add(BigInteger.ONE);
        crlNumbers.put(issuer, next);
        return next;
    }

    void save(Path file) {
        StringBuilder text = new StringBuilder()
                .append("# psc-test-pki state: serial numbers, revocations and CRL numbers of this sandbox PKI.\n")
                .append("# Change it with the psc-pki command (revoke, crl), not by hand.\n")
                .append("serial.prefix=").append(serialPrefix.toString(16).toUpperCase()).append('\n')
                .append("serial.next=").append(nextSerial).append('\n');
        for (CaRole role : CaRole.values()) {
            String key = role.stateKey();
            text.append(key).append(".issued=").append(issued.get(role).stream().map(PkiState::hex)
                    .collect(Collectors.joining(","))).append('\n');
            text.append(key).append(".revoked=").append(revoked.get(role).entrySet().stream()
                    .map(e -> hex(e.getKey()) + "@" + e.getValue()).collect(Collectors.joining(","))).append('\n');
            text.append(key).append(".crl-number=").append(crlNumbers.get(role)).append('\n');
        }
        AtomicFile.write(file, text.toString().getBytes(StandardCharsets.UTF_8), false);
    }

    static PkiState load(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw PkiException.io("read", file, e);
        }
        try {
            PkiState state = new PkiState(new BigInteger(required(properties, "serial.prefix"), 16),
                    Long.parseLong(required(properties, "serial.next")));
            for (CaRole role : CaRole.values()) {
                String key = role.stateKey();
                for (String serial : list(properties.getProperty(key + ".issued"))) {
                    state.issued.get(role).add(new BigInteger(serial, 16));
                }
                for (String entry : list(properties.getProperty(key + ".revoked"))) {
                    int at = entry.indexOf('@');
                    state.revoked.get(role).put(new BigInteger(entry.substring(0, at), 16),
                            Instant.parse(entry.substring(at + 1)));
                }
                state.crlNumbers.put(role, new BigInteger(properties.getProperty(key + ".crl-number", "0")));
            }
            return state;
        } catch (NumberFormatException | DateTimeParseException | IndexOutOfBoundsException e) {
            throw new PkiException("the test PKI state file " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    static String hex(BigInteger serial) {
        return serial.toString(16).toUpperCase();
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new NumberFormatException("missing " + key);
        }
        return value.trim();
    }

    private static Set<String> list(String value) {
        Set<String> items = new TreeSet<>();
        if (value != null) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }
}
