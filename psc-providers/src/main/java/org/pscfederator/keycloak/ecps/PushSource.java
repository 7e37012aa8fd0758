package org.pscfederator.keycloak.ecps;

/**
 * Where an e-CPS request comes from: a browser's address (as the TLS front saw it) or a relying service's CIBA
 * request (its client id, which it proved). A source's new request replaces that source's pending one only.
 */
public record PushSource(String key) {

    public static PushSource browser(String address) {
        return new PushSource("address:" + address);
    }

    public static PushSource relyingService(String clientId) {
        return new PushSource("client:" + clientId);
    }
}
