package org.pscfederator.keycloak.space;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

/** A relying service as the professional knows it: its name, or its client id when it has none. */
final class ServiceName {

    private ServiceName() {
    }

    static String of(ClientModel client) {
        if (client == null) {
            return "";
        }
        String name = client.getName();
        return name == null || name.isBlank() || name.startsWith("${") ? client.getClientId() : name;
    }

    static String of(RealmModel realm, String clientId) {
        if (clientId == null) {
            return "";
        }
        ClientModel client = realm.getClientByClientId(clientId);
        return client == null ? clientId : of(client);
    }
}
