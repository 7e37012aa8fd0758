package org.pscfederator.keycloak.ecps;

import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.TimeoutHandler;

/** A suspended call as the tests see it: what it was answered, and its client going away. */
final class HeldCall implements AsyncResponse {

    final CompletableFuture<Object> answer = new CompletableFuture<>();
    private volatile boolean gone;

    void clientGoesAway() {
        gone = true;
    }

    boolean gone() {
        return gone;
    }

    @Override
    public boolean resume(Object response) {
        return answer.complete(response);
    }

    @Override
    public boolean resume(Throwable response) {
        return answer.completeExceptionally(response);
    }

    @Override
    public Collection<Class<?>> register(Object callback) {
        throw new UnsupportedOperationException("RESTEasy Reactive never calls a ConnectionCallback");
    }

    @Override
    public boolean cancel() {
        return false;
    }

    @Override
    public boolean cancel(int retryAfter) {
        return false;
    }

    @Override
    public boolean cancel(Date retryAfter) {
        return false;
    }

    @Override
    public boolean isSuspended() {
        return !answer.isDone();
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean isDone() {
        return answer.isDone();
    }

    @Override
    public boolean setTimeout(long time, TimeUnit unit) {
        throw new UnsupportedOperationException("the calls' bounds are ours");
    }

    @Override
    public void setTimeoutHandler(TimeoutHandler handler) {
        throw new UnsupportedOperationException("the calls' bounds are ours");
    }

    @Override
    public Collection<Class<?>> register(Class<?> callback) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<Class<?>, Collection<Class<?>>> register(Class<?> callback, Class<?>... callbacks) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<Class<?>, Collection<Class<?>>> register(Object callback, Object... callbacks) {
        throw new UnsupportedOperationException();
    }
}
