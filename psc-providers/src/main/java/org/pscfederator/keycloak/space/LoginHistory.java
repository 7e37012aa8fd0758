package org.pscfederator.keycloak.space;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.keycloak.events.Event;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.pscfederator.keycloak.ecps.Device;
import org.pscfederator.keycloak.ecps.DeviceStore;
import org.pscfederator.core.events.EventDetail;

/** The professional's logins, as the realm stored them (docs/audit.md): the newest first. */
final class LoginHistory {

    /** How many the page lists. */
    static final int SHOWN = 20;
    /** How far back "Ce n'était pas moi" may reach: the logins a professional can find on the page and some more. */
    private static final int REPORTABLE = 200;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final DeviceStore devices;

    LoginHistory(KeycloakSession session, RealmModel realm, DeviceStore devices) {
        this.session = session;
        this.realm = realm;
        this.devices = devices;
    }

    List<LoginRow> recent(UserModel user) throws SQLException {
        Map<String, Device> known = devices.of(user.getUsername()).stream()
                .collect(Collectors.toMap(Device::id, Function.identity()));
        List<LoginRow> rows = new ArrayList<>();
        for (Event event : logins(user, SHOWN)) {
            String deviceId = event.getDetails() == null ? null : event.getDetails().get(EventDetail.DEVICE.wire());
            Device device = deviceId == null ? null : known.get(deviceId);
            rows.add(new LoginRow(event, ServiceName.of(realm, event.getClientId()),
                    device == null ? "" : device.label()));
        }
        return rows;
    }

    /** One of this professional's own logins, by its event id; empty for anyone else's or an unknown id. */
    Optional<Event> own(UserModel user, String eventId) {
        if (eventId == null || eventId.isBlank()) {
            return Optional.empty();
        }
        return logins(user, REPORTABLE).stream().filter(event -> eventId.equals(event.getId())).findFirst();
    }

    private List<Event> logins(UserModel user, int max) {
        EventStoreProvider store = session.getProvider(EventStoreProvider.class);
        return store.createQuery().realm(realm.getId()).user(user.getId()).type(EventType.LOGIN)
                .orderByDescTime().maxResults(max).getResultStream()
                .filter(event -> user.getId().equals(event.getUserId())).toList();
    }
}
