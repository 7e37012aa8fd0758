package org.pscfederator.keycloak.ecps;

import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.pscfederator.keycloak.logging.LoggedText;

/**
 * What wakes the held calls, on every node: Keycloak's cluster events (its work cache, across sites too). The event
 * is sent once the change is committed, so that the woken call reads it; the sender's own calls get it as well.
 */
public final class RequestEvents {

    private static final Logger LOG = Logger.getLogger(RequestEvents.class);
    static final String TASK = "psc-ecps-request-changed";

    private final KeycloakSession session;

    RequestEvents(KeycloakSession session) {
        this.session = session;
    }

    /** The topic of the browser's wait on one request. */
    static String request(String requestId) {
        return "request:" + requestId;
    }

    /** The topic of the phone's wait for a new request of this professional. */
    static String professional(String idNat) {
        return "professional:" + idNat;
    }

    /** Tells every node, after this session's commit, that something happened to the topic. */
    void changed(String topic) {
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                send(topic);
            }

            @Override
            protected void rollbackImpl() {
            }
        });
    }

    private void send(String topic) {
        try {
            ClusterProvider cluster = session.getProvider(ClusterProvider.class);
            if (cluster != null) {
                cluster.notify(TASK, new RequestChanged(topic), false, ClusterProvider.DCNotify.ALL_DCS);
                return;
            }
        } catch (RuntimeException e) {
            LOG.warnf("e-CPS change of %s not sent to the cluster: %s", topic, LoggedText.of(e));
        }
        // No cluster at all: this node's own calls at least, as the event would have done.
        calls(session).wake(topic);
    }

    /** Wakes this node's calls on every event of any node; registered once the server is started. */
    static void listen(KeycloakSessionFactory factory, WaitingCalls calls) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(ClusterProvider.class)
                .registerListener(TASK, event -> {
                    if (event instanceof RequestChanged changed) {
                        calls.wake(changed.topic());
                    }
                }));
    }

    private static WaitingCalls calls(KeycloakSession session) {
        return session.getProvider(WaitingCalls.class);
    }
}
