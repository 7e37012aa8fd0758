package org.pscfederator.core.settings;

/**
 * A realm setting present but invalid, or missing where its use needs it. The use it serves fails closed: its
 * message names the attribute for the operator's log, and is never shown to a professional.
 */
public final class RealmSettingException extends IllegalStateException {

    private final RealmSetting setting;

    public RealmSettingException(RealmSetting setting, String why) {
        super("realm attribute " + setting.attribute() + " " + why);
        this.setting = setting;
    }

    public RealmSetting setting() {
        return setting;
    }
}
