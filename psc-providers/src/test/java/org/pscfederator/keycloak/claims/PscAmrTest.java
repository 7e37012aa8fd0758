package org.pscfederator.keycloak.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.keycloak.models.UserSessionModel;

/** Which sessions get amr, acr and psc_establishment: the login's notes decide, a brokered login needs PSC's. */
@Tag("psc-claims")
class PscAmrTest {

    private static UserSessionModel session(Map<String, String> notes) {
        return (UserSessionModel) Proxy.newProxyInstance(UserSessionModel.class.getClassLoader(),
                new Class<?>[] {UserSessionModel.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getNote")) {
                        return notes.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aCardLoginHasItsAmrAndNoEstablishment() {
        UserSessionModel card = session(Map.of(PscAmr.USER_SESSION_NOTE, PscAmr.CARD));
        assertThat(PscAmr.of(card, null)).isEqualTo("sc pin mfa");
        assertThat(PscAmr.establishment(card, null)).isNull();
        assertThat(PscAmr.withheld(card)).isFalse();
    }

    @Test
    void aDelegatedLoginHasTheDelegatedAmrAndItsEstablishment() {
        UserSessionModel delegated = session(Map.of("identity_provider", "hopital-demo",
                PscAmr.USER_SESSION_NOTE, "fed pwd otp", PscAmr.ESTABLISHMENT_NOTE, "hopital-demo"));
        assertThat(PscAmr.values(PscAmr.of(delegated, null))).containsExactly("fed", "pwd", "otp");
        assertThat(PscAmr.establishment(delegated, null)).isEqualTo("hopital-demo");
        assertThat(PscAmr.withheld(delegated)).isFalse();
    }

    @Test
    void aBrokeredLoginWithoutPscsFlowsGetsNeitherAmrNorAcr() {
        UserSessionModel brokered = session(Map.of("identity_provider", "some-provider"));
        assertThat(PscAmr.of(brokered, null)).isNull();
        assertThat(PscAmr.withheld(brokered)).isTrue();
        assertThat(PscAmr.establishment(brokered, null)).isNull();
    }

    @Test
    void aBrokeredLoginCannotPassForACardLogin() {
        UserSessionModel brokered = session(Map.of("identity_provider", "some-provider",
                PscAmr.USER_SESSION_NOTE, PscAmr.CARD, PscAmr.ESTABLISHMENT_NOTE, "some-provider"));
        assertThat(PscAmr.of(brokered, null)).isNull();
        assertThat(PscAmr.withheld(brokered)).isTrue();
        assertThat(PscAmr.establishment(brokered, null)).isNull();
    }

    @Test
    void anEstablishmentNoteAloneClaimsNothing() {
        UserSessionModel card = session(Map.of(PscAmr.USER_SESSION_NOTE, PscAmr.CARD,
                PscAmr.ESTABLISHMENT_NOTE, "hopital-demo"));
        assertThat(PscAmr.establishment(card, null)).isNull();
    }
}
