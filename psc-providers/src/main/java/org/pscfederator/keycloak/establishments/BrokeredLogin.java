package org.pscfederator.keycloak.establishments;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.PostBrokerLoginConstants;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.models.IdentityProviderModel;

/**
 * The establishment's login a broker flow continues: its provider, the local subject the mapper set, and the
 * mapper's verdict. Read from the brokered context Keycloak keeps in the authentication session between the
 * provider's callback and the broker flows (an internal API of Keycloak's, docs/architecture.md): under
 * {@code BROKERED_CONTEXT} for the first broker login, {@code PBL_BROKERED_IDENTITY_CONTEXT} for the post broker
 * login. Only the context data's strings are read, as they were written.
 */
record BrokeredLogin(IdentityProviderModel provider, String subject, MapperVerdict verdict) {

    /** The first broker login's, or empty when this flow does not continue a brokered login. */
    static Optional<BrokeredLogin> ofFirstLogin(AuthenticationFlowContext context) {
        return of(context, AbstractIdpAuthenticator.BROKERED_CONTEXT_NOTE);
    }

    /** The post broker login's, or empty when this flow does not continue a brokered login. */
    static Optional<BrokeredLogin> ofPostLogin(AuthenticationFlowContext context) {
        return of(context, PostBrokerLoginConstants.PBL_BROKERED_IDENTITY_CONTEXT);
    }

    private static Optional<BrokeredLogin> of(AuthenticationFlowContext context, String note) {
        SerializedBrokeredIdentityContext serialized = SerializedBrokeredIdentityContext
                .readFromAuthenticationSession(context.getAuthenticationSession(), note);
        if (serialized == null || serialized.getIdentityProviderId() == null || serialized.getId() == null) {
            return Optional.empty();
        }
        IdentityProviderModel provider = context.getSession().identityProviders()
                .getByAlias(serialized.getIdentityProviderId());
        if (provider == null) {
            return Optional.empty();
        }
        Map<String, Object> strings = new HashMap<>();
        if (serialized.getContextData() != null) {
            serialized.getContextData().forEach((key, entry) -> {
                if (entry != null && String.class.getName().equals(entry.getClazz())) {
                    strings.put(key, entry.getData());
                }
            });
        }
        return Optional.of(new BrokeredLogin(provider, serialized.getId(), MapperVerdict.readFrom(strings)));
    }

    String alias() {
        return provider.getAlias();
    }
}
