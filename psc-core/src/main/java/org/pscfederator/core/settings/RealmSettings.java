package org.pscfederator.core.settings;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.pscfederator.core.settings.EcpsSettings.Notifications;
import org.pscfederator.core.settings.EcpsSettings.PushChannel;

/**
 * A realm's PSC settings, read from its attributes. One policy for all: an absent or blank attribute takes its
 * default; a present value outside its range throws {@link RealmSettingException} naming the attribute, never a
 * silent fallback (a typo must neither loosen a limit nor switch a channel). Each part is read when its use asks for
 * it, so that a bad e-CPS value does not stop card login, and the reverse.
 */
public final class RealmSettings {

    private final Map<String, String> attributes;

    private RealmSettings(Map<String, String> attributes) {
        this.attributes = Map.copyOf(attributes);
    }

    /** The realm's attributes as they are; the names this does not know are ignored. */
    public static RealmSettings of(Map<String, String> attributes) {
        return new RealmSettings(attributes == null ? Map.of()
                : attributes.entrySet().stream().filter(e -> e.getKey() != null && e.getValue() != null)
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** @throws RealmSettingException when a value of the e-CPS settings is outside its range */
    public EcpsSettings ecps() {
        return new EcpsSettings(
                number(RealmSetting.ECPS_REQUEST_SECONDS),
                number(RealmSetting.ECPS_PUSHES_PER_ID_NAT),
                number(RealmSetting.ECPS_PUSHES_PER_ID_NAT_PER_SOURCE),
                number(RealmSetting.ECPS_PUSHES_PER_ADDRESS),
                number(RealmSetting.ECPS_ACTIVATION_CODE_SECONDS),
                number(RealmSetting.ECPS_ACTIVATIONS_PER_ID_NAT),
                number(RealmSetting.ECPS_ACTIVATIONS_PER_ADDRESS),
                number(RealmSetting.ECPS_ACTIVATION_GUESSES_PER_ID_NAT),
                number(RealmSetting.ECPS_ACTIVATION_GUESSES_PER_ADDRESS),
                Notifications.valueOf(upper(value(RealmSetting.ECPS_NOTIFICATIONS))),
                PushChannel.valueOf(upper(value(RealmSetting.ECPS_PUSH))));
    }

    /** @throws RealmSettingException when the use's trust is not set, or a value is outside its range */
    public TrustSettings trust(TrustUse use) {
        String anchors = required(use.anchors());
        String policy = required(use.policy());
        String crls = required(use.crls());
        return new TrustSettings(anchors, policy,
                Arrays.stream(crls.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                Duration.ofHours(number(RealmSetting.CRL_GRACE_HOURS)));
    }

    /** @throws RealmSettingException when a value of the health check's settings is outside its range */
    public HealthSettings health() {
        return new HealthSettings(Duration.ofHours(number(RealmSetting.CRL_WARNING_HOURS)),
                Duration.ofDays(number(RealmSetting.DIRECTORY_MAX_AGE_DAYS)));
    }

    /** @throws RealmSettingException when the pattern is not a regular expression with a group */
    public Pattern cardIdNatPattern() {
        return Pattern.compile(value(RealmSetting.CARD_ID_NAT_PATTERN));
    }

    public boolean clientSecretAllowed() {
        return flag(RealmSetting.CLIENT_SECRET_ALLOWED);
    }

    public boolean signedUserInfo() {
        return flag(RealmSetting.SIGNED_USER_INFO);
    }

    public boolean loopbackRedirectsAllowed() {
        return flag(RealmSetting.LOOPBACK_REDIRECTS_ALLOWED);
    }

    public boolean testIdentitiesAllowed() {
        return flag(RealmSetting.TEST_IDENTITIES_ALLOWED);
    }

    /** The value, stripped, or the default when absent or blank; null only for a setting without a default. */
    String value(RealmSetting setting) {
        String value = attributes.get(setting.attribute());
        if (value == null || value.isBlank()) {
            return setting.defaultValue();
        }
        String stripped = value.strip();
        try {
            setting.range().check(stripped);
        } catch (IllegalArgumentException e) {
            throw new RealmSettingException(setting, e.getMessage());
        }
        return stripped;
    }

    private String required(RealmSetting setting) {
        String value = value(setting);
        if (value == null) {
            throw new RealmSettingException(setting, "is not set");
        }
        return value;
    }

    private int number(RealmSetting setting) {
        return Integer.parseInt(value(setting));
    }

    private boolean flag(RealmSetting setting) {
        return Boolean.parseBoolean(value(setting));
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }
}
