package org.pscfederator.keycloak.ecps;

import java.util.Map;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * The sandbox's outbox: the last activation message for each idNat, kept as long as its code is valid, readable by
 * an administrator through the device API ({@code GET v1/admin/outbox/{idNat}}). Never used by a production realm.
 */
public final class Outbox implements NotificationSender {

    private static final String KEY = "psc-ecps-outbox:";
    private final KeycloakSession session;
    private final RealmModel realm;
    private final SingleUseObjectProvider store;

    public Outbox(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.store = session.singleUseObjects();
    }

    @Override
    public void sendActivationCode(String idNat, String contact, String code, int validSeconds)
            throws NotificationException {
        ActivationMessage message = ActivationMessage.of(session, realm, code, validSeconds);
        store.put(KEY + idNat, validSeconds, Map.of("to", contact, "code", code, "subject", message.subject(),
                "text", message.text()));
    }

    public Optional<Map<String, String>> last(String idNat) {
        return Optional.ofNullable(store.get(KEY + idNat));
    }
}
