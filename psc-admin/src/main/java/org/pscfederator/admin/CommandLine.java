package org.pscfederator.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The options of one command: {@code --name value} pairs (some repeatable) and flags; anything else is refused. */
final class CommandLine {

    private final Map<String, List<String>> values;
    private final Set<String> flags;

    private CommandLine(Map<String, List<String>> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    static CommandLine parse(String[] args, Set<String> valueOptions, Set<String> flagOptions, String command)
            throws UsageException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Set<String> flags = new java.util.HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (flagOptions.contains(arg)) {
                flags.add(arg);
            } else if (valueOptions.contains(arg)) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException(arg + " needs a value");
                }
                values.computeIfAbsent(arg, key -> new ArrayList<>()).add(args[++i]);
            } else {
                throw new UsageException((arg.startsWith("-") ? "unknown option " : "unexpected argument ") + arg
                        + " (see psc-admin " + command + " --help)");
            }
        }
        return new CommandLine(values, flags);
    }

    /** The value of an option given at most once, or null. */
    String value(String option) throws UsageException {
        List<String> given = values.getOrDefault(option, List.of());
        if (given.size() > 1) {
            throw new UsageException(option + " is given " + given.size() + " times; give it once");
        }
        return given.isEmpty() ? null : given.get(0);
    }

    String required(String option) throws UsageException {
        String value = value(option);
        if (value == null || value.isBlank()) {
            throw new UsageException(option + " is required");
        }
        return value;
    }

    List<String> values(String option) {
        return List.copyOf(values.getOrDefault(option, List.of()));
    }

    boolean flag(String option) {
        return flags.contains(option);
    }
}
