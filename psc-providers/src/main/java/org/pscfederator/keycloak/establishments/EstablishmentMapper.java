package org.pscfederator.keycloak.establishments;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.oidc.OIDCIdentityProviderFactory;
import org.keycloak.broker.provider.AbstractIdentityProviderMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.JsonWebToken;
import org.pscfederator.core.establishments.ActivitySite;
import org.pscfederator.core.establishments.AmrVerdict;
import org.pscfederator.core.establishments.EstablishmentRefusal;
import org.pscfederator.core.establishments.EstablishmentSettingException;
import org.pscfederator.core.establishments.EstablishmentSettings;
import org.pscfederator.keycloak.logging.LoggedText;
import org.pscfederator.keycloak.realm.OwnSpi;
import org.pscfederator.keycloak.realm.PscRealm;

/**
 * {@code psc-establishment}: the identity provider mapper of an establishment's provider. Runs on the provider's
 * callback before Keycloak looks up the link: names the local account from the ID token's subject claims, judges the
 * token's {@code amr} against the provider's rule, ends a pairing that no longer holds (so that Keycloak, finding no
 * link, asks for the card or e-CPS again), and leaves its verdict for the broker flows ({@link MapperVerdict}). It
 * never throws: whatever goes wrong is a refusal the flows show.
 */
public class EstablishmentMapper extends AbstractIdentityProviderMapper {

    public static final String PROVIDER_ID = "psc-establishment";
    /** Keycloak's OIDC provider setting: without it the ID token's signature is not checked. */
    static final String VALIDATE_SIGNATURE = "validateSignature";
    private static final Logger LOG = Logger.getLogger(EstablishmentMapper.class);

    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm,
            IdentityProviderMapperModel mapperModel, BrokeredIdentityContext context) {
        MapperVerdict verdict;
        try {
            verdict = judge(session, realm, context);
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("delegated login at %s refused, its checks failed: %s",
                    LoggedText.of(context.getIdpConfig().getAlias()), LoggedText.of(e));
            verdict = MapperVerdict.refused(EstablishmentRefusal.NOT_ESTABLISHMENT, null);
        }
        verdict.writeTo(context.getContextData());
    }

    private MapperVerdict judge(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context)
            throws SQLException {
        IdentityProviderModel provider = context.getIdpConfig();
        String alias = provider.getAlias();
        if (!PscRealm.of(session).owns(realm)) {
            return MapperVerdict.refused(EstablishmentRefusal.NOT_ESTABLISHMENT, null);
        }
        EstablishmentSettings settings;
        try {
            settings = EstablishmentSettings.of(provider.getConfig());
        } catch (EstablishmentSettingException e) {
            LOG.errorf("identity provider %s is not a valid establishment's: %s", LoggedText.of(alias),
                    LoggedText.of(e.getMessage()));
            return MapperVerdict.refused(EstablishmentRefusal.NOT_ESTABLISHMENT, null);
        }
        if (!"true".equals(provider.getConfig().get(VALIDATE_SIGNATURE))) {
            LOG.errorf("identity provider %s does not validate the ID token's signature (%s): its logins are"
                    + " refused", LoggedText.of(alias), VALIDATE_SIGNATURE);
            return MapperVerdict.refused(EstablishmentRefusal.NOT_ESTABLISHMENT, null);
        }
        if (provider.getSyncMode() == IdentityProviderSyncMode.FORCE) {
            // FORCE would write the establishment's name and email over the professional, read-only from the
            // directory: Keycloak would fail after the pairing. The directory is the only source of who they are.
            LOG.errorf("identity provider %s has sync mode FORCE: its logins are refused", LoggedText.of(alias));
            return MapperVerdict.refused(EstablishmentRefusal.NOT_ESTABLISHMENT, null);
        }
        if (!(context.getContextData().get(OIDCIdentityProvider.VALIDATED_ID_TOKEN) instanceof JsonWebToken token)) {
            LOG.errorf("identity provider %s gave no validated ID token", LoggedText.of(alias));
            return MapperVerdict.refused(EstablishmentRefusal.NOT_ESTABLISHMENT, null);
        }
        Optional<String> subject = settings.subjectClaims().subject(claim -> "sub".equals(claim)
                ? token.getSubject() : token.getOtherClaims().get(claim));
        if (subject.isEmpty()) {
            return MapperVerdict.refused(EstablishmentRefusal.SUBJECT_MISSING, null);
        }
        context.setId(subject.get());
        EstablishmentRefusal ended = endWhatNoLongerHolds(session, realm, alias, subject.get(), settings)
                .orElse(null);
        AmrVerdict amr = settings.amrRule().verdict(token.getOtherClaims().get("amr"));
        return amr.isMet() ? MapperVerdict.met(amr, ended) : MapperVerdict.refused(amr.refusal().orElseThrow(), ended);
    }

    /**
     * Keeps Keycloak's link and the pairing in step for this local account. An expired pairing, or one of a
     * professional who left the directory or the establishment's structures, is ended with its link; the reason is
     * returned for the page and the event. A link without its pairing, or naming another user than the pairing, is
     * removed: Keycloak then sends this login to the pairing, where a pairing still held by this local account lets
     * its own professional only ({@code already_paired} for anyone else).
     */
    private static Optional<EstablishmentRefusal> endWhatNoLongerHolds(KeycloakSession session, RealmModel realm,
            String alias, String subject, EstablishmentSettings settings) throws SQLException {
        PairingStore store = OwnSpi.required(session, PairingStore.class);
        Optional<Pairing> pairing = store.bySubject(realm.getId(), alias, subject);
        UserModel linked = session.users().getUserByFederatedIdentity(realm,
                new FederatedIdentityModel(alias, subject, null));
        if (pairing.isPresent()) {
            List<ActivitySite> sites = ProfessionalSites.of(session, pairing.get().idNat());
            Optional<EstablishmentRefusal> reason = PairingValidity.reasonToEnd(pairing.get(), Instant.now(), sites,
                    settings.structures());
            if (reason.isPresent()) {
                PairingEnd.end(session, realm, store, pairing.get(), reason.get(), PairingEnd.By.PSC);
                removeStray(session, realm, alias, linked, pairing.get().userId());
                return reason;
            }
        }
        removeStray(session, realm, alias, linked, pairing.map(Pairing::userId).orElse(null));
        return Optional.empty();
    }

    /** Removes a link of this local account to someone its pairing does not name. */
    private static void removeStray(KeycloakSession session, RealmModel realm, String alias, UserModel linked,
            String pairedUserId) {
        if (linked != null && !linked.getId().equals(pairedUserId)) {
            session.users().removeFederatedIdentity(realm, linked, alias);
            LOG.infof("link of %s at %s without its pairing removed", LoggedText.of(linked.getUsername()),
                    LoggedText.of(alias));
        }
    }

    @Override
    public String[] getCompatibleProviders() {
        return new String[] {OIDCIdentityProviderFactory.PROVIDER_ID};
    }

    @Override
    public String getDisplayCategory() {
        return "Pro Santé Connect";
    }

    @Override
    public String getDisplayType() {
        return "PSC establishment's login";
    }

    @Override
    public String getHelpText() {
        return "Required on an establishment's provider (pscEstablishment=true): names the local account from the"
                + " subject claims, checks the amr rule, ends pairings that no longer hold.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
