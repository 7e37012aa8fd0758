package org.pscfederator.keycloak.ecps;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.container.AsyncResponse;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.pscfederator.keycloak.logging.LoggedText;

/**
 * The node's held calls, by topic. Timers and checks run on a small pool of our own: never a Keycloak worker (they
 * serve logins) nor an event loop (a check reads the store). A timer is a scheduled task, not a thread per call.
 * Every second a sweep ends the calls whose client went away: RESTEasy Reactive (Keycloak 26) registers a JAX-RS
 * {@code ConnectionCallback} but never calls it, so the connection itself is asked.
 */
final class NodeWaitingCalls implements WaitingCalls {

    private static final Logger LOG = Logger.getLogger(NodeWaitingCalls.class);

    private final Reads reads;
    private final int limit;
    private final ScheduledThreadPoolExecutor clock;
    private final Map<String, Set<Held<?>>> byTopic = new ConcurrentHashMap<>();
    private final AtomicInteger held = new AtomicInteger();
    private static final long SWEEP_MILLIS = 1000;

    /** Runs a check in a session of its own: a transaction of Keycloak's (in the unit tests, none). */
    interface Reads {
        <A> Optional<A> read(Check<A> check);
    }

    NodeWaitingCalls(KeycloakSessionFactory sessions, int limit, int threads) {
        this(new Reads() {
            @Override
            public <A> Optional<A> read(Check<A> check) {
                return KeycloakModelUtils.runJobInTransactionWithResult(sessions, check::answer);
            }
        }, limit, threads);
    }

    NodeWaitingCalls(Reads reads, int limit, int threads) {
        this.reads = reads;
        this.limit = limit;
        AtomicInteger named = new AtomicInteger();
        this.clock = new ScheduledThreadPoolExecutor(threads, task -> {
            Thread thread = new Thread(task, "psc-ecps-waits-" + named.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // Most timers are cancelled by an answer or a disconnect: dropped at once rather than kept till due.
        clock.setRemoveOnCancelPolicy(true);
        clock.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public <A> boolean hold(String topic, AsyncResponse call, Client client, Duration bound, Check<A> check,
            A atBound) {
        if (held.incrementAndGet() > limit) {
            held.decrementAndGet();
            return false;
        }
        Held<A> waiting = new Held<>(topic, call, client, check, atBound);
        byTopic.compute(topic, (key, calls) -> {
            Set<Held<?>> set = calls == null ? ConcurrentHashMap.newKeySet() : calls;
            set.add(waiting);
            return set;
        });
        waiting.timer = clock.schedule(waiting::atBound, Math.max(0, bound.toMillis()), TimeUnit.MILLISECONDS);
        // What happened between the caller's own check and this registration wakes no one: check once now.
        clock.execute(waiting::check);
        return true;
    }

    @Override
    public void wake(String topic) {
        Set<Held<?>> calls = byTopic.get(topic);
        if (calls != null) {
            calls.forEach(waiting -> clock.execute(waiting::check));
        }
    }

    @Override
    public int held() {
        return held.get();
    }

    @Override
    public int limit() {
        return limit;
    }

    private void sweep() {
        try {
            byTopic.values().forEach(calls -> calls.forEach(Held::endIfClientGone));
        } catch (RuntimeException e) {
            LOG.warnf("e-CPS waits not swept: %s", LoggedText.of(e));
        }
    }

    /** At shutdown: the held calls go with the server's connections. */
    void stop() {
        clock.shutdownNow();
    }

    private final class Held<A> {
        private final String topic;
        private final AsyncResponse call;
        private final Client client;
        private final Check<A> check;
        private final A atBound;
        private final AtomicBoolean over = new AtomicBoolean();
        private volatile ScheduledFuture<?> timer;

        Held(String topic, AsyncResponse call, Client client, Check<A> check, A atBound) {
            this.topic = topic;
            this.call = call;
            this.client = client;
            this.check = check;
            this.atBound = atBound;
        }

        void check() {
            if (!over.get()) {
                read().ifPresent(this::answer);
            }
        }

        void atBound() {
            if (!over.get()) {
                answer(read().orElse(atBound));
            }
        }

        /** Its answer goes nowhere, but answering ends the request in Keycloak, and closes its session. */
        void endIfClientGone() {
            if (client.gone()) {
                answer(atBound);
            }
        }

        private Optional<A> read() {
            try {
                return reads.read(check);
            } catch (RuntimeException e) {
                // The store unreachable for a moment: the call answers at its bound, and the client asks again.
                LOG.warnf("e-CPS wait on %s not checked: %s", topic, LoggedText.of(e));
                return Optional.empty();
            }
        }

        private void answer(A answer) {
            if (release()) {
                call.resume(answer);
            }
        }

        /** Once per call, whoever comes first: an answer, the bound, or the client going away. */
        boolean release() {
            if (!over.compareAndSet(false, true)) {
                return false;
            }
            byTopic.computeIfPresent(topic, (key, calls) -> {
                calls.remove(this);
                return calls.isEmpty() ? null : calls;
            });
            held.decrementAndGet();
            ScheduledFuture<?> pending = timer;
            if (pending != null) {
                pending.cancel(false);
            }
            return true;
        }
    }
}
