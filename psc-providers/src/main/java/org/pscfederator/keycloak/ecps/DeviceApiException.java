package org.pscfederator.keycloak.ecps;

/** A refused device API call: the HTTP status, a stable reason code for the client and the events, and a log detail. */
public final class DeviceApiException extends Exception {

    private final int status;
    private final String reason;
    private Device device;

    public DeviceApiException(int status, String reason, String detail) {
        super(detail);
        this.status = status;
        this.reason = reason;
    }

    /** Names the device once its signature is known to hold (a revoked device, a replay). */
    public DeviceApiException withDevice(Device value) {
        this.device = value;
        return this;
    }

    public Device device() {
        return device;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
