package org.pscfederator.ecps.simulator;

public final class SimulatorCommand {
    public static void main(String[] args) {
    }
}
