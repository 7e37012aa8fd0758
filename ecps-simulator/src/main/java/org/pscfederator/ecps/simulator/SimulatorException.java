package org.pscfederator.ecps.simulator;

/** A refusal or failure of the simulator, shown to its user as one line. */
public final class SimulatorException extends RuntimeException {

    public SimulatorException(String message) {
        super(message);
    }
}
