package org.pscfederator.keycloak.ecps;

import org.keycloak.cluster.ClusterEvent;

/**
 * The cluster event "something happened to this topic" ({@link RequestEvents}): a request decided, or a new request
 * for a professional. It carries the topic only; the woken node reads the state itself from the shared store.
 */
public record RequestChanged(String topic) implements ClusterEvent {
}
