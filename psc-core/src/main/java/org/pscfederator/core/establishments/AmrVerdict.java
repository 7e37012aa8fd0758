package org.pscfederator.core.establishments;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The verdict of an {@link AmrRule} on a login, with the asserted values it counted. It travels from the identity
 * provider mapper to the broker flows as two strings ({@link #outcome()}'s wire and {@link #countedWire()}), which
 * is how Keycloak keeps a brokered login's context data across the redirect to the first broker login.
 */
public record AmrVerdict(Outcome outcome, List<String> counted) {

    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    public enum Outcome {
        MET, NOT_MET, INVALID;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Outcome> of(String wire) {
            return Arrays.stream(values()).filter(o -> o.wire().equals(wire)).findFirst();
        }
    }

    public AmrVerdict {
        counted = List.copyOf(counted);
        if (outcome != Outcome.MET && !counted.isEmpty()) {
            throw new IllegalArgumentException("only a met rule counts values");
        }
        if (outcome == Outcome.MET && counted.isEmpty()) {
            throw new IllegalArgumentException("a met rule counted values");
        }
    }

    static AmrVerdict met(List<String> counted) {
        return new AmrVerdict(Outcome.MET, counted);
    }

    static AmrVerdict notMet() {
        return new AmrVerdict(Outcome.NOT_MET, List.of());
    }

    static AmrVerdict invalid() {
        return new AmrVerdict(Outcome.INVALID, List.of());
    }

    public boolean isMet() {
        return outcome == Outcome.MET;
    }

    /** The counted values, space-separated. */
    public String countedWire() {
        return String.join(" ", counted);
    }

    /**
     * The verdict as the mapper left it, or empty when the strings are missing or malformed (the flows then refuse:
     * a verdict that cannot be read is no verdict).
     */
    public static Optional<AmrVerdict> read(String outcome, String counted) {
        Optional<Outcome> parsed = Outcome.of(outcome);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        List<String> values = counted == null || counted.isBlank() ? List.of()
                : Arrays.asList(counted.strip().split(" "));
        if (values.stream().anyMatch(v -> !VALUE.matcher(v).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AmrVerdict(parsed.get(), values));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The refusal a verdict other than met is. */
    public Optional<EstablishmentRefusal> refusal() {
        return switch (outcome) {
            case MET -> Optional.empty();
            case NOT_MET -> Optional.of(EstablishmentRefusal.AMR_NOT_MET);
            case INVALID -> Optional.of(EstablishmentRefusal.AMR_INVALID);
        };
    }
}
