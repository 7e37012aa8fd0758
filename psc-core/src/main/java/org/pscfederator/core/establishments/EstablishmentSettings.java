package org.pscfederator.core.establishments;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An establishment's identity provider settings, read from its configuration map. An absent or blank optional
 * setting takes its default; a missing required one or a value outside its range throws
 * {@link EstablishmentSettingException} naming the attribute: the provider's logins then fail closed.
 */
public record EstablishmentSettings(Structures structures, AmrRule amrRule, SubjectClaims subjectClaims,
        int pairingDays, String name) {

    private static final int MAX_NAME = 120;

    /** @throws EstablishmentSettingException naming the first attribute missing or invalid */
    public static EstablishmentSettings of(Map<String, String> config) {
        Map<String, String> values = config == null ? Map.of()
                : config.entrySet().stream().filter(e -> e.getKey() != null && e.getValue() != null)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        value(values, EstablishmentSetting.ESTABLISHMENT);
        Structures structures;
        try {
            structures = Structures.parse(value(values, EstablishmentSetting.STRUCTURES));
        } catch (IllegalArgumentException e) {
            throw new EstablishmentSettingException(EstablishmentSetting.STRUCTURES, e.getMessage());
        }
        AmrRule rule = AmrRule.parse(amrValues(values, EstablishmentSetting.AMR_ALL_OF),
                amrValues(values, EstablishmentSetting.AMR_ANY_OF));
        SubjectClaims subject = SubjectClaims.of(value(values, EstablishmentSetting.SUBJECT_CLAIMS)).orElseThrow();
        int days = Integer.parseInt(value(values, EstablishmentSetting.PAIRING_DAYS));
        String name = value(values, EstablishmentSetting.ESTABLISHMENT_NAME);
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new EstablishmentSettingException(EstablishmentSetting.ESTABLISHMENT_NAME,
                    "must be 1 to " + MAX_NAME + " characters without control characters");
        }
        return new EstablishmentSettings(structures, rule, subject, days, name);
    }

    /** Whether the configuration marks an establishment's provider, whatever its other settings. */
    public static boolean marks(Map<String, String> config) {
        return config != null && "true".equals(strip(config.get(EstablishmentSetting.ESTABLISHMENT.attribute())));
    }

    public Duration pairingLifetime() {
        return Duration.ofDays(pairingDays);
    }

    /** The setting's amr values, each checked on its own so that the error names the right attribute. */
    private static String amrValues(Map<String, String> values, EstablishmentSetting setting) {
        String words = value(values, setting);
        try {
            AmrRule.parse(words, null);
        } catch (IllegalArgumentException e) {
            throw new EstablishmentSettingException(setting, e.getMessage());
        }
        return words;
    }

    /** The stripped value checked against its range, or the default; required settings throw when absent. */
    private static String value(Map<String, String> values, EstablishmentSetting setting) {
        String value = strip(values.get(setting.attribute()));
        if (value == null) {
            if (setting.defaultValue() == null) {
                throw new EstablishmentSettingException(setting, "is required");
            }
            return setting.defaultValue();
        }
        try {
            setting.range().check(value);
        } catch (IllegalArgumentException e) {
            throw new EstablishmentSettingException(setting, e.getMessage());
        }
        return value;
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
