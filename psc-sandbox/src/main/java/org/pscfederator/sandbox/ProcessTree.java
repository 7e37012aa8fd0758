package org.pscfederator.sandbox;

import java.util.concurrent.TimeUnit;

/** A server process and the processes it started: kc.sh may run the server as its child. */
final class ProcessTree {

    private ProcessTree() {
    }

    /** Stops the whole tree, gently first, forcibly after {@code timeoutSeconds}. */
    static void stop(Process process, long timeoutSeconds) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
