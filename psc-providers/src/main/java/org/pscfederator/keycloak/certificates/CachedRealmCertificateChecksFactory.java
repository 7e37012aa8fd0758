package org.pscfederator.keycloak.certificates;

import org.pscfederator.core.certificates.RealmTrust;

import org.pscfederator.core.certificates.CertificateChecks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.pscfederator.core.settings.TrustSettings;
import org.pscfederator.core.settings.TrustUse;
import org.pscfederator.keycloak.realm.RealmAttributes;

/**
 * Keeps each realm's checks per use with the trust settings they were built from. Every call reads the realm's
 * attributes again and rebuilds when they differ, so a changed anchor, policy, CRL list or grace takes effect at the
 * next login, on every node of a cluster (each node reads its own realm attributes). A removed realm's checks go.
 */
public class CachedRealmCertificateChecksFactory implements RealmCertificateChecksFactory {

    public static final String PROVIDER_ID = "cached";

    private record Key(String realmId, TrustUse use) {
    }

    private record Built(TrustSettings settings, CertificateChecks checks) {
    }

    private final Map<Key, Built> built = new ConcurrentHashMap<>();

    @Override
    public RealmCertificateChecks create(KeycloakSession session) {
        return this::checks;
    }

    CertificateChecks checks(RealmModel realm, TrustUse use) {
        TrustSettings settings = RealmAttributes.settings(realm).trust(use);
        Key key = new Key(realm.getId(), use);
        Built current = built.get(key);
        if (current != null && current.settings().equals(settings)) {
            return current.checks();
        }
        Built fresh = new Built(settings, RealmTrust.checks(settings, use));
        built.put(key, fresh);
        return fresh.checks();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmRemovedEvent removed) {
                String realmId = removed.getRealm().getId();
                built.keySet().removeIf(key -> key.realmId().equals(realmId));
            }
        });
    }

    @Override
    public void close() {
        built.clear();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
