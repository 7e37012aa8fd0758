package org.pscfederator.core.establishments;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** The structures an establishment vouches for ({@code pscStructures}), at least one. */
public record Structures(List<StructureId> entries) {

    public Structures {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("at least one structure is required");
        }
    }

    /** @throws IllegalArgumentException when an entry is invalid, or there is none */
    public static Structures parse(String commaSeparated) {
        if (commaSeparated == null) {
            throw new IllegalArgumentException("at least one structure is required");
        }
        return new Structures(Arrays.stream(commaSeparated.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().map(StructureId::parse).toList());
    }

    /** True when one of these activities is at a structure listed here. */
    public boolean vouchFor(Collection<ActivitySite> activities) {
        return activities.stream().anyMatch(site -> entries.stream().anyMatch(entry -> entry.matches(site)));
    }

    public boolean vouchFor(ActivitySite... activities) {
        return vouchFor(List.of(activities));
    }

    /** As {@code pscStructures} writes it. */
    public String format() {
        return String.join(",", entries.stream().map(StructureId::format).toList());
    }
}
