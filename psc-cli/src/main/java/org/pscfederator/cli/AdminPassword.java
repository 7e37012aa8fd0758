package org.pscfederator.cli;

import java.util.Map;

/**
 * The password of the administrator a tool logs in as: from the environment variable {@value #VARIABLE}, or typed on
 * a terminal; never from the command line, where it would show in {@code ps} and in the shell's history.
 */
public final class AdminPassword {

    public static final String VARIABLE = "PSC_ADMIN_PASSWORD";
    /** What a tool says when there is none. */
    public static final String NEEDED = "the admin password is needed: set " + VARIABLE + " (the sandbox's is admin)";

    private AdminPassword() {
    }

    /** @return null when there is none */
    public static char[] read(Map<String, String> environment, String adminUser) {
        String fromEnvironment = environment.get(VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        java.io.Console terminal = System.console();
        if (terminal != null) {
            char[] typed = terminal.readPassword("password of %s (master realm): ", adminUser);
            if (typed != null && typed.length > 0) {
                return typed;
            }
        }
        return null;
    }
}
