package org.pscfederator.admin;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.pscfederator.core.establishments.EstablishmentSetting;
import org.pscfederator.core.establishments.EstablishmentSettingException;
import org.pscfederator.core.establishments.EstablishmentSettings;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.TypeConversionException;

/**
 * An establishment's identity provider as {@code idp register} creates it in PSC's realm: Keycloak's OIDC provider
 * with the endpoints of the establishment's discovery, PKCE S256, the ID token's signature checked against its keys,
 * PSC's flows ({@value #PAIRING_FLOW} on the first login, {@value #CHECK_FLOW} on every later one), PSC's mapper
 * {@value #MAPPER}, and PSC's settings ({@link EstablishmentSetting}), checked by {@link EstablishmentSettings} before
 * anything is sent: a provider PSC would refuse at every login is never registered.
 */
final class EstablishmentRegistration {

    static final String PAIRING_FLOW = "psc-establishment-pairing";
    static final String CHECK_FLOW = "psc-establishment-check";
    static final String MAPPER = "psc-establishment";
    /** Keycloak's provider and broker endpoint name the alias: letters, digits, '-', '_' and '.'. */
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_SECRET = 512;

    /** The endpoints taken from the establishment's discovery document, as Keycloak's import gives them. */
    static final List<String> DISCOVERED = List.of("issuer", "authorizationUrl", "tokenUrl", "userInfoUrl",
            "jwksUrl", "logoutUrl");

    private EstablishmentRegistration() {
    }

    /** How PSC authenticates at the establishment's token endpoint. */
    enum ClientAuthentication {
        /** client_secret_basic with a secret the establishment gave (read from a file, never the command line). */
        SECRET("client_secret_basic"),
        /** private_key_jwt signed with the PSC realm's own key; the establishment trusts PSC's JWKS URL. */
        PRIVATE_KEY_JWT("private_key_jwt");

        private final String method;

        ClientAuthentication(String method) {
            this.method = method;
        }

        String method() {
            return method;
        }
    }

    /** What the operator typed, checked. */
    record Request(String alias, URI discovery, String clientId, ClientAuthentication authentication,
            String clientSecret, Map<String, String> settings) {
    }

    /** {@code option}: the option that names it, {@code --alias} or {@code --provider}. */
    static String alias(String option, String text) {
        if (text == null || !ALIAS.matcher(text).matches()) {
            throw new TypeConversionException(option + ": use letters, digits, '-', '_' and '.', at most 64, starting "
                    + "with a letter or digit: " + text);
        }
        return text;
    }

    /** The establishment's discovery document: https, its well-known path (OpenID Connect Discovery 1.0, 4). */
    static URI discovery(String text) {
        URI uri;
        try {
            uri = text == null ? null : new URI(text);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
                || uri.getFragment() != null || uri.getRawUserInfo() != null
                || !uri.getPath().endsWith("/.well-known/openid-configuration")) {
            throw new TypeConversionException("--discovery: an https URL ending in /.well-known/openid-configuration,"
                    + " not " + text);
        }
        return uri;
    }

    static String clientId(String text) {
        if (text == null || text.isBlank() || text.length() > 255 || text.chars().anyMatch(Character::isISOControl)) {
            throw new TypeConversionException("--client-id: the client id the establishment gave PSC, 1 to 255 "
                    + "characters: " + text);
        }
        return text;
    }

    /**
     * Exactly one way to authenticate: {@code --client-secret-file} or {@code --private-key-jwt}. Keycloak 26's OIDC
     * identity providers have no tls_client_auth of their own, so {@code --tls-client-auth} is refused, saying so.
     */
    static ClientAuthentication authentication(Path secretFile, boolean privateKeyJwt, boolean tlsClientAuth) {
        if (tlsClientAuth) {
            throw new TypeConversionException("--tls-client-auth: Keycloak's OIDC identity providers cannot present "
                    + "a certificate at the establishment's token endpoint; use --private-key-jwt (PSC's realm key) "
                    + "or --client-secret-file");
        }
        if ((secretFile == null) == !privateKeyJwt) {
            throw new TypeConversionException("give exactly one of --client-secret-file FILE and --private-key-jwt");
        }
        return privateKeyJwt ? ClientAuthentication.PRIVATE_KEY_JWT : ClientAuthentication.SECRET;
    }

    /** The secret: the file's first line, which must not be empty; never echoed. */
    static String secret(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TypeConversionException("--client-secret-file: cannot read " + file);
        }
        String secret = lines.isEmpty() ? "" : lines.get(0).strip();
        if (secret.isEmpty() || secret.length() > MAX_SECRET || secret.chars().anyMatch(Character::isISOControl)) {
            throw new TypeConversionException("--client-secret-file: the first line of " + file + " must hold the "
                    + "secret (1 to " + MAX_SECRET + " characters)");
        }
        return secret;
    }

    /**
     * PSC's settings from the options (null when not given: the setting's default applies), checked as the server
     * reads them. An invalid one is refused naming the option and the attribute.
     */
    static Map<String, String> settings(String name, String structures, String amrAllOf, String amrAnyOf,
            String subjectClaims, Integer pairingDays) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(EstablishmentSetting.ESTABLISHMENT.attribute(), "true");
        put(settings, EstablishmentSetting.ESTABLISHMENT_NAME, name);
        put(settings, EstablishmentSetting.STRUCTURES, structures == null ? null : structures.replace(" ", ""));
        put(settings, EstablishmentSetting.AMR_ALL_OF, amrAllOf);
        put(settings, EstablishmentSetting.AMR_ANY_OF, amrAnyOf);
        put(settings, EstablishmentSetting.SUBJECT_CLAIMS, subjectClaims);
        put(settings, EstablishmentSetting.PAIRING_DAYS, pairingDays == null ? null : pairingDays.toString());
        try {
            EstablishmentSettings.of(settings);
        } catch (EstablishmentSettingException e) {
            throw new TypeConversionException(option(e.setting()) + ": " + e.getMessage());
        }
        return settings;
    }

    /** The option of {@code idp register} that sets a setting. */
    static String option(EstablishmentSetting setting) {
        return switch (setting) {
            case ESTABLISHMENT -> "pscEstablishment";
            case ESTABLISHMENT_NAME -> "--name";
            case STRUCTURES -> "--structures";
            case AMR_ALL_OF -> "--amr-all-of";
            case AMR_ANY_OF -> "--amr-any-of";
            case SUBJECT_CLAIMS -> "--subject-claims";
            case PAIRING_DAYS -> "--pairing-days";
        };
    }

    private static void put(Map<String, String> settings, EstablishmentSetting setting, String value) {
        if (value != null) {
            settings.put(setting.attribute(), value.strip());
        }
    }

    /**
     * Checks what Keycloak read from the discovery document: an issuer, https endpoints for the browser and the
     * back channel, and keys to check the ID token's signature with.
     *
     * @return the endpoints PSC keeps
     */
    static Map<String, String> endpoints(URI discovery, Map<String, String> imported) throws AdminException {
        Map<String, String> endpoints = new LinkedHashMap<>();
        for (String key : DISCOVERED) {
            String value = imported.get(key);
            if (value != null && !value.isBlank()) {
                endpoints.put(key, value);
            }
        }
        for (String required : List.of("issuer", "authorizationUrl", "tokenUrl", "jwksUrl")) {
            String value = endpoints.get(required);
            if (value == null) {
                throw new AdminException("the discovery document " + discovery + " names no " + required
                        + "; nothing was registered");
            }
            if (!value.toLowerCase(Locale.ROOT).startsWith("https://")) {
                throw new AdminException("the discovery document " + discovery + " gives an " + required
                        + " that is not https (" + OperatorCommand.shown(value) + "); nothing was registered");
            }
        }
        return endpoints;
    }

    /** The identity provider's representation for Keycloak's admin API. */
    static ObjectNode representation(Request request, Map<String, String> endpoints) {
        ObjectNode provider = JsonNodeFactory.instance.objectNode();
        provider.put("alias", request.alias());
        provider.put("displayName", request.settings().get(EstablishmentSetting.ESTABLISHMENT_NAME.attribute()));
        provider.put("providerId", "oidc");
        provider.put("enabled", true);
        provider.put("trustEmail", false);
        provider.put("storeToken", false);
        provider.put("linkOnly", false);
        provider.put("hideOnLogin", false);
        provider.put("firstBrokerLoginFlowAlias", PAIRING_FLOW);
        provider.put("postBrokerLoginFlowAlias", CHECK_FLOW);
        ObjectNode config = provider.putObject("config");
        endpoints.forEach(config::put);
        config.put("useJwksUrl", "true");
        config.put("validateSignature", "true");
        config.put("clientId", request.clientId());
        config.put("clientAuthMethod", request.authentication().method());
        if (request.authentication() == ClientAuthentication.SECRET) {
            config.put("clientSecret", request.clientSecret());
        }
        config.put("pkceEnabled", "true");
        config.put("pkceMethod", "S256");
        config.put("defaultScope", "openid");
        // PSC reads the ID token (its amr, its subject); userinfo would add nothing it uses.
        config.put("disableUserInfo", "true");
        config.put("syncMode", "IMPORT");
        request.settings().forEach(config::put);
        return provider;
    }

    /** PSC's mapper on the provider: the local subject, the amr rule, ended pairings (docs/establishments.md). */
    static ObjectNode mapper(String alias) {
        ObjectNode mapper = JsonNodeFactory.instance.objectNode();
        mapper.put("name", MAPPER);
        mapper.put("identityProviderAlias", alias);
        mapper.put("identityProviderMapper", MAPPER);
        mapper.putObject("config").put("syncMode", "INHERIT");
        return mapper;
    }
}
