package org.pscfederator.core.establishments;

/**
 * An establishment's provider setting missing or invalid. Its logins fail closed ({@code not_establishment}); the
 * message names the attribute for the operator, never shown to a professional.
 */
public final class EstablishmentSettingException extends IllegalStateException {

    private final EstablishmentSetting setting;

    public EstablishmentSettingException(EstablishmentSetting setting, String why) {
        super(setting.attribute() + ": " + why);
        this.setting = setting;
    }

    public EstablishmentSetting setting() {
        return setting;
    }
}
