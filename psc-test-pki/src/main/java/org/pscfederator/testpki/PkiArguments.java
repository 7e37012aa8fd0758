package org.pscfederator.testpki;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code psc-pki} command line: a global {@code --pki-dir DIR}, one command, and that command's options
 * ({@code --name value}, {@code --name=value} or a flag). Anything unknown is refused rather than ignored, so a typo
 * never issues a certificate the user did not ask for.
 */
final class PkiArguments {

    static final Path DEFAULT_PKI_DIR = Path.of("sandbox-data", "pki");

    private static final Set<String> VALIDITY_FLAGS = Set.of("--expired", "--not-yet-valid", "--revoked");
    private static final Map<String, Set<String>> VALUE_OPTIONS = new LinkedHashMap<>();
    private static final Map<String, Set<String>> FLAG_OPTIONS = new HashMap<>();
    private static final Set<String> REPEATABLE = Set.of("--dns", "--ip");

    static {
        VALUE_OPTIONS.put("init", Set.of());
        VALUE_OPTIONS.put("server", Set.of("--dns", "--ip"));
        VALUE_OPTIONS.put("card", Set.of("--idnat", "--given-name", "--family-name", "--days"));
        VALUE_OPTIONS.put("client", Set.of("--client-id", "--organisation", "--structure-id", "--days"));
        VALUE_OPTIONS.put("revoke", Set.of("--serial", "--file"));
        VALUE_OPTIONS.put("crl", Set.of("--next-update-days"));
        FLAG_OPTIONS.put("card", Set.of("--expired", "--not-yet-valid", "--revoked", "--without-policy",
                "--lookalike"));
        FLAG_OPTIONS.put("client", VALIDITY_FLAGS);
    }

    private final String command;
    private final Path pkiDir;
    private final boolean help;
    private final Map<String, List<String>> values;
    private final Set<String> flags;

    private PkiArguments(String command, Path pkiDir, boolean help, Map<String, List<String>> values,
            Set<String> flags) {
        this.command = command;
        this.pkiDir = pkiDir;
        this.help = help;
        this.values = values;
        this.flags = flags;
    }

    static PkiArguments parse(String[] args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return new PkiArguments(null, DEFAULT_PKI_DIR, true, Map.of(), Set.of());
            }
        }
        String command = null;
        Path pkiDir = null;
        Map<String, List<String>> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                if (command == null && arg.equals("help")) {
                    return new PkiArguments(null, DEFAULT_PKI_DIR, true, Map.of(), Set.of());
                }
                if (command != null) {
                    throw PkiException.badInput("unexpected argument " + PkiException.quote(arg) + " after " + command);
                }
                if (!VALUE_OPTIONS.containsKey(arg)) {
                    throw PkiException.badInput("unknown command " + PkiException.quote(arg)
                            + " (commands: " + String.join(", ", VALUE_OPTIONS.keySet()) + "; see --help)");
                }
                command = arg;
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            boolean takesValue = name.equals("--pki-dir")
                    || (command != null && VALUE_OPTIONS.get(command).contains(name));
            boolean isFlag = command != null && FLAG_OPTIONS.getOrDefault(command, Set.of()).contains(name);
            if (!takesValue && !isFlag) {
                throw PkiException.badInput("unknown option " + PkiException.quote(name)
                        + (command == null ? " before the command" : " for " + command) + "; see --help");
            }
            if (isFlag) {
                if (equals >= 0) {
                    throw PkiException.badInput("option " + name + " takes no value");
                }
                flags.add(name);
                continue;
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw PkiException.badInput("option " + name + " needs a value");
            }
            if (value.isEmpty()) {
                throw PkiException.badInput("option " + name + " needs a value");
            }
            if (name.equals("--pki-dir")) {
                if (pkiDir != null) {
                    throw PkiException.badInput("option --pki-dir given twice");
                }
                pkiDir = Path.of(value);
                continue;
            }
            List<String> list = values.computeIfAbsent(name, n -> new ArrayList<>());
            if (!list.isEmpty() && !REPEATABLE.contains(name)) {
                throw PkiException.badInput("option " + name + " given twice");
            }
            list.add(value);
        }
        if (command == null) {
            throw PkiException.badInput("no command given (commands: " + String.join(", ", VALUE_OPTIONS.keySet())
                    + "; see --help)");
        }
        return new PkiArguments(command, pkiDir == null ? DEFAULT_PKI_DIR : pkiDir, false, values, flags);
    }

    String command() {
        return command;
    }

    Path pkiDir() {
        return pkiDir;
    }

    boolean help() {
        return help;
    }

    String value(String option) {
        List<String> list = values.get(option);
        return list == null ? null : list.get(0);
    }

    List<String> values(String option) {
        return values.getOrDefault(option, List.of());
    }

    String required(String option) {
        String value = value(option);
        if (value == null) {
            throw PkiException.badInput(command + " needs " + option);
        }
        return value;
    }

    boolean flag(String option) {
        return flags.contains(option);
    }

    /** An integer option within bounds, or {@code fallback} when absent. */
    int number(String option, int min, int max, int fallback) {
        String value = value(option);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw PkiException.badInput(option + " must be a whole number from " + min + " to " + max + ", not "
                + PkiException.quote(value));
    }
}
