package org.pscfederator.keycloak.ecps;

import java.time.Duration;
import java.util.Optional;

import jakarta.ws.rs.container.AsyncResponse;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.Provider;

/**
 * The calls this node holds suspended until something happens to their topic (a request, a professional): the
 * browser's wait and the phone's pending request. A held call costs no thread; it is answered when its topic wakes
 * it, at its bound, or ended within a second of its client going away. Our SPI {@code psc-ecps-waits}, one instance
 * per node.
 */
public interface WaitingCalls extends Provider {

    /**
     * What a woken call answers (a {@code Response}, as {@link AsyncResponse#resume(Object)} takes), read in a
     * session of its own (the request's is over by then); empty: not yet.
     */
    interface Check<A> {
        Optional<A> answer(KeycloakSession session);
    }

    /** Whether a held call's client went away (its connection closed). */
    interface Client {
        boolean gone();
    }

    /**
     * Holds {@code call} until {@link #wake} on {@code topic} finds an answer, or {@code bound} passes: then it checks
     * once more and answers {@code atBound}. False, and nothing held, when the node holds its limit already.
     */
    <A> boolean hold(String topic, AsyncResponse call, Client client, Duration bound, Check<A> check, A atBound);

    /** This node's calls on the topic check again. */
    void wake(String topic);

    /** The calls held now. */
    int held();

    /** The most calls this node holds at once. */
    int limit();

    @Override
    default void close() {
    }
}
