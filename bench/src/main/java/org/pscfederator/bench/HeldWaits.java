package org.pscfederator.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

/**
 * Many wait pages at once: each one a TLS connection of its own long-polling an e-CPS request's state (the page's
 * script: ask again while "pending"), until {@link #close()} drops them all, as closed tabs would. The waits Keycloak
 * holds for them are what is measured; a thread per connection on this side, blocked in a read, costs little here.
 */
public final class HeldWaits implements AutoCloseable {

    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);
    private static final int CONNECT_ATTEMPTS = 5;

    private final SSLContext tls;
    private final URI waitUrl;
    private final int waitSeconds;
    private final List<CardConnection> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean closing;

    /** Waits on {@code waitUrl} (a wait page's {@code data-wait-url}), each call asking for {@code waitSeconds}. */
    public HeldWaits(SSLContext tls, URI waitUrl, int waitSeconds) {
        this.tls = tls;
        this.waitUrl = waitUrl;
        this.waitSeconds = waitSeconds;
    }

    /** Opens {@code count} more waits; returns once each has its connection and has sent its first call. */
    public void open(int count) throws InterruptedException {
        CountDownLatch sent = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(() -> poll(sent), "held-wait");
            thread.setDaemon(true);
            thread.start();
        }
        if (!sent.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("waits not opened within 120 s");
        }
    }

    private void poll(CountDownLatch sent) {
        URI call = URI.create(waitUrl + "?wait=" + waitSeconds);
        AtomicBoolean signalled = new AtomicBoolean();
        Runnable onSent = () -> {
            if (signalled.compareAndSet(false, true)) {
                sent.countDown();
            }
        };
        CardConnection connection = null;
        try {
            connection = connect();
            connections.add(connection);
            while (!closing) {
                CardConnection.Response state = connection.get(call, onSent);
                if (state.status() == 503) {
                    busy.incrementAndGet();
                    break;
                }
                if (state.status() != 200 || !state.body().contains("\"pending\"")) {
                    break;
                }
            }
        } catch (IOException e) {
            // closed by close(), or the server went away: the wait is over either way
        } finally {
            onSent.run();
            if (connection != null) {
                connections.remove(connection);
                close(connection);
            }
        }
    }

    /** A few tries: on a loaded machine a handshake among hundreds at once may time out, as a browser would retry. */
    private CardConnection connect() throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return CardConnection.open(tls, waitUrl, SOCKET_TIMEOUT);
            } catch (IOException e) {
                if (attempt == CONNECT_ATTEMPTS || closing) {
                    throw e;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Waits whose connection is still open. */
    public int open() {
        return connections.size();
    }

    /** Calls answered 503, the server holding its limit already. */
    public int refusedBusy() {
        return busy.get();
    }

    /** Drops every connection at once, without waiting for an answer. */
    @Override
    public void close() {
        closing = true;
        connections.forEach(HeldWaits::close);
    }

    private static void close(CardConnection connection) {
        try {
            connection.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
