package org.pscfederator.bench;

/**
 * One kind of login the bench measures. An instance belongs to one worker thread (it may keep that worker's
 * connection pool) and is called over and over; each call is one complete, independent flow.
 */
@FunctionalInterface
public interface Flow {

    /**
     * Runs one complete flow, start to tokens.
     *
     * @throws Exception when the flow did not end as a successful login; the message is shown to the user,
     *                   so it must never contain a token, code, password or secret
     */
    void run() throws Exception;
}
