package org.pscfederator.keycloak.space;

import org.pscfederator.keycloak.ecps.Device;

/** A device of the professional as the page lists it. Getters, for the page's template. */
public final class DeviceRow {

    private final Device device;

    DeviceRow(Device device) {
        this.device = device;
    }

    public String getId() {
        return device.id();
    }

    public String getLabel() {
        return device.label();
    }

    public String getCreated() {
        return ParisTime.of(device.createdAt());
    }

    public String getLastUsed() {
        return ParisTime.of(device.lastUsedAt());
    }

    public String getRevoked() {
        return ParisTime.of(device.revokedAt());
    }

    public boolean isActive() {
        return !device.revoked();
    }
}
