package org.pscfederator.keycloak.certificates;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.keycloak.models.RealmModel;

/**
 * The certificate checks a realm configures, per use: card login (persons' CAs) or relying-service authentication
 * (organisations' CAs). Read from realm attributes (realm-config/realms/base): the trust anchors, the required policy,
 * the CRL locations and the grace past a CRL's next update. Built once per configuration and kept, so CRLs stay cached
 * between requests. A realm without a complete configuration gets no checks at all: {@link #checks} throws, and the
 * login fails closed.
 */
public final class RealmTrust {

    public enum Use {
        CARD("pscCardTrustAnchors", "pscCardPolicyOid", "pscCardCrls"),
        CLIENT("pscClientTrustAnchors", "pscClientPolicyOid", "pscClientCrls");

        final String anchorsAttribute;
        final String policyAttribute;
        final String crlsAttribute;

        Use(String anchorsAttribute, String policyAttribute, String crlsAttribute) {
            this.anchorsAttribute = anchorsAttribute;
            this.policyAttribute = policyAttribute;
            this.crlsAttribute = crlsAttribute;
        }
    }

    public static final String GRACE_ATTRIBUTE = "pscCrlGraceHours";
    static final Duration DEFAULT_GRACE = Duration.ofHours(6);

    private record Key(String realmId, Use use) {
    }

    private record Built(List<String> configuration, CertificateChecks checks) {
    }

    private static final Map<Key, Built> BUILT = new ConcurrentHashMap<>();

    private RealmTrust() {
    }

    /** @throws IllegalStateException when the realm's configuration for this use is missing or invalid */
    public static CertificateChecks checks(RealmModel realm, Use use) {
        String anchors = realm.getAttribute(use.anchorsAttribute);
        String policy = realm.getAttribute(use.policyAttribute);
        String crls = realm.getAttribute(use.crlsAttribute);
        String grace = realm.getAttribute(GRACE_ATTRIBUTE);
        List<String> configuration = Arrays.asList(anchors, policy, crls, grace);
        Key key = new Key(realm.getId(), use);
        Built built = BUILT.get(key);
        if (built != null && built.configuration().equals(configuration)) {
            return built.checks();
        }
        if (isBlank(anchors) || isBlank(policy) || isBlank(crls)) {
            throw new IllegalStateException("realm " + realm.getName() + " lacks " + use.anchorsAttribute + ", "
                    + use.policyAttribute + " or " + use.crlsAttribute);
        }
        TrustPolicy trustPolicy;
        try {
            trustPolicy = TrustPolicy.fromPem(anchors, policy.strip());
            if (use == Use.CLIENT) {
                // RFC 8705 client authentication: the certificate must be issued for it, not merely not exclude it.
                trustPolicy = trustPolicy.requiringClientAuth();
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("realm " + realm.getName() + ": " + use.anchorsAttribute + " or "
                    + use.policyAttribute + ": " + e.getMessage(), e);
        }
        List<String> locations = Arrays.stream(crls.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        CertificateChecks checks = new CertificateChecks(trustPolicy,
                new ConfiguredCrls(locations, grace(grace), Clock.systemUTC()), Clock.systemUTC());
        BUILT.put(key, new Built(configuration, checks));
        return checks;
    }

    static Duration grace(String hours) {
        if (isBlank(hours)) {
            return DEFAULT_GRACE;
        }
        try {
            long value = Long.parseLong(hours.strip());
            if (value < 0 || value > 24 * 30) {
                throw new IllegalStateException(GRACE_ATTRIBUTE + " must be 0 to 720 hours, got " + hours);
            }
            return Duration.ofHours(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(GRACE_ATTRIBUTE + " must be a number of hours, got " + hours);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
