package org.pscfederator.core.establishments;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One structure an establishment vouches for, as {@code pscStructures} writes it: {@code finess:<9 digits>} (a site
 * or a juridical entity), {@code siret:<14 digits>} (a site) or {@code structure:<the directory's technical id>}.
 */
public record StructureId(Kind kind, String value) {

    public enum Kind {
        FINESS("finess", Pattern.compile("([0-9]{2}|2[AB])[0-9]{7}"), "9 digits (2A or 2B first for Corsica)"),
        SIRET("siret", Pattern.compile("[0-9]{14}"), "14 digits"),
        STRUCTURE("structure", Pattern.compile("[A-Za-z0-9]{1,40}"), "1 to 40 letters or digits");

        private final String prefix;
        private final Pattern format;
        private final String described;

        Kind(String prefix, Pattern format, String described) {
            this.prefix = prefix;
            this.format = format;
            this.described = described;
        }

        public String prefix() {
            return prefix;
        }
    }

    public StructureId {
        if (kind == null || value == null || !kind.format.matcher(value).matches()) {
            throw new IllegalArgumentException(kind == null ? "no kind"
                    : kind.prefix + " must be " + kind.described);
        }
    }

    /** @throws IllegalArgumentException saying why the entry is not one of the three forms */
    public static StructureId parse(String entry) {
        String text = entry == null ? "" : entry.strip();
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("an entry must be finess:, siret: or structure: followed by its"
                    + " identifier");
        }
        String prefix = text.substring(0, colon).toLowerCase(Locale.ROOT);
        Kind kind = Arrays.stream(Kind.values()).filter(k -> k.prefix.equals(prefix)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown kind of structure identifier (finess,"
                        + " siret or structure)"));
        return new StructureId(kind, text.substring(colon + 1).strip());
    }

    /** As {@code pscStructures} writes it. */
    public String format() {
        return kind.prefix + ":" + value;
    }

    /** Whether this entry names the site or structure of that activity. */
    public boolean matches(ActivitySite site) {
        return switch (kind) {
            case FINESS -> value.equals(site.finessSite()) || value.equals(site.finessJuridicalEntity());
            case SIRET -> value.equals(site.siretSite());
            case STRUCTURE -> value.equals(site.technicalStructureId());
        };
    }

    @Override
    public String toString() {
        return format();
    }
}
