package org.pscfederator.admin;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code psc-admin idp register|show|disable|pairings|unpair}: establishments' identity providers in PSC's realm
 * (docs/establishments.md). Register checks everything it can before writing (the settings as the server reads them,
 * the realm's flows, the establishment's discovery as the server reaches it) and undoes a half-made registration;
 * the pairings go through the pairing API's administrator endpoints.
 */
@Command(name = "idp", subcommands = {IdpCommands.Register.class, IdpCommands.Show.class, IdpCommands.Disable.class,
        IdpCommands.Pairings.class, IdpCommands.Unpair.class})
final class IdpCommands extends CommandGroup {

    abstract static class IdpCommand extends OperatorCommand {
        @ParentCommand
        IdpCommands group;

        @Override
        AdminCommand root() {
            return group.root;
        }

        static ObjectNode existing(KeycloakAdmin admin, AdminOptions options, String alias) throws AdminException {
            return admin.identityProvider(alias).orElseThrow(() -> new AdminException("no identity provider " + alias
                    + " in realm " + options.realm()));
        }
    }

    @Command(name = "register")
    static final class Register extends IdpCommand {
        @Option(names = "--alias", required = true)
        String aliasText;
        @Option(names = "--discovery", required = true)
        String discoveryText;
        @Option(names = "--client-id", required = true)
        String clientIdText;
        @Option(names = "--client-secret-file")
        Path secretFile;
        @Option(names = "--private-key-jwt")
        boolean privateKeyJwt;
        @Option(names = "--tls-client-auth")
        boolean tlsClientAuth;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--structures", required = true)
        String structures;
        @Option(names = "--amr-all-of")
        String amrAllOf;
        @Option(names = "--amr-any-of")
        String amrAnyOf;
        @Option(names = "--subject-claims")
        String subjectClaims;
        @Option(names = "--pairing-days")
        Integer pairingDays;

        @Override
        public Integer call() throws AdminException {
            String alias = EstablishmentRegistration.alias("--alias", aliasText);
            URI discovery = EstablishmentRegistration.discovery(discoveryText);
            String clientId = EstablishmentRegistration.clientId(clientIdText);
            EstablishmentRegistration.ClientAuthentication authentication = EstablishmentRegistration
                    .authentication(secretFile, privateKeyJwt, tlsClientAuth);
            Map<String, String> settings = EstablishmentRegistration.settings(name, structures, amrAllOf, amrAnyOf,
                    subjectClaims, pairingDays);
            String secret = secretFile == null ? null : EstablishmentRegistration.secret(secretFile);
            AdminOptions options = AdminOptions.from(server);

            KeycloakAdmin admin = login(options);
            if (admin.identityProvider(alias).isPresent()) {
                throw new AdminException("an identity provider " + alias + " already exists in realm "
                        + options.realm() + "; nothing was changed");
            }
            for (String flow : List.of(EstablishmentRegistration.PAIRING_FLOW, EstablishmentRegistration.CHECK_FLOW)) {
                if (!admin.hasFlow(flow)) {
                    throw new AdminException("realm " + options.realm() + " has no flow " + flow + " (apply the realm "
                            + "file of realm-config, docs/realm-config.md); nothing was registered");
                }
            }
            Map<String, String> endpoints = EstablishmentRegistration.endpoints(discovery, admin.discover(discovery));
            ObjectNode provider = EstablishmentRegistration.representation(new EstablishmentRegistration.Request(
                    alias, discovery, clientId, authentication, secret, settings), endpoints);
            admin.createIdentityProvider(provider);
            try {
                admin.addIdentityProviderMapper(alias, EstablishmentRegistration.mapper(alias));
            } catch (AdminException e) {
                admin.deleteIdentityProvider(alias);
                throw new AdminException(e.getMessage() + "; the identity provider was not kept");
            }
            String issuer = admin.realmIssuer();
            ObjectNode document = JsonNodeFactory.instance.objectNode();
            document.put("realm", options.realm());
            document.put("alias", alias);
            document.put("issuer", endpoints.get("issuer"));
            document.put("clientAuthentication", authentication.method());
            document.put("redirectUri", issuer + "/broker/" + alias + "/endpoint");
            if (authentication == EstablishmentRegistration.ClientAuthentication.PRIVATE_KEY_JWT) {
                document.put("jwksUri", issuer + "/protocol/openid-connect/certs");
            }
            StringBuilder text = new StringBuilder("registered identity provider ").append(alias).append(" (")
                    .append(shown(name)).append(") in realm ").append(options.realm()).append(": issuer ")
                    .append(shown(endpoints.get("issuer"))).append(", ").append(authentication.method())
                    .append(", PKCE S256, flows ").append(EstablishmentRegistration.PAIRING_FLOW).append(" and ")
                    .append(EstablishmentRegistration.CHECK_FLOW).append(", mapper ")
                    .append(EstablishmentRegistration.MAPPER).append("\n");
            text.append("the establishment registers PSC's redirect URI ").append(document.get("redirectUri").asText());
            if (document.has("jwksUri")) {
                text.append(" and PSC's keys ").append(document.get("jwksUri").asText());
            }
            text.append("\n");
            print(document, text.toString());
            return 0;
        }
    }

    @Command(name = "show")
    static final class Show extends IdpCommand {
        @Option(names = "--alias", required = true)
        String aliasText;

        @Override
        public Integer call() throws AdminException {
            String alias = EstablishmentRegistration.alias("--alias", aliasText);
            AdminOptions options = AdminOptions.from(server);
            KeycloakAdmin admin = login(options);
            ObjectNode provider = existing(admin, options, alias);
            List<String> mappers = admin.identityProviderMapperTypes(alias);
            print(EstablishmentReport.document(options.realm(), provider, mappers),
                    EstablishmentReport.text(options.realm(), provider, mappers));
            return 0;
        }
    }

    @Command(name = "disable")
    static final class Disable extends IdpCommand {
        @Option(names = "--alias", required = true)
        String aliasText;

        @Override
        public Integer call() throws AdminException {
            String alias = EstablishmentRegistration.alias("--alias", aliasText);
            AdminOptions options = AdminOptions.from(server);
            KeycloakAdmin admin = login(options);
            ObjectNode provider = existing(admin, options, alias);
            boolean wasEnabled = provider.path("enabled").asBoolean(true);
            if (wasEnabled) {
                provider.put("enabled", false);
                admin.updateIdentityProvider(provider);
            }
            // Ended even when it was already disabled: pairings left by a disabling done in the admin console.
            int ended = admin.pairingAdmin("DELETE", "providers/" + alias + "/pairings", Map.of(),
                    "end the pairings of " + alias).path("ended").asInt();
            ObjectNode document = JsonNodeFactory.instance.objectNode();
            document.put("realm", options.realm());
            document.put("alias", alias);
            document.put("enabled", false);
            document.put("pairingsEnded", ended);
            print(document, (wasEnabled ? "disabled" : "identity provider was already disabled:")
                    + " identity provider " + alias + " in realm " + options.realm() + "; " + ended
                    + " pairing(s) ended: its logins are refused and professionals log in with their card or e-CPS\n");
            return 0;
        }
    }

    @Command(name = "pairings")
    static final class Pairings extends IdpCommand {
        @Option(names = "--idnat", required = true, converter = IdNatOption.class)
        String idNat;

        @Override
        public Integer call() throws AdminException {
            AdminOptions options = AdminOptions.from(server);
            KeycloakAdmin admin = login(options);
            List<JsonNode> pairings = pairings(admin, idNat);
            ObjectNode document = JsonNodeFactory.instance.objectNode();
            document.put("realm", options.realm());
            document.put("id_nat", idNat);
            document.putArray("pairings").addAll(pairings);
            StringBuilder text = new StringBuilder().append(idNat).append(" has ").append(pairings.size())
                    .append(" pairing(s) with establishments' accounts in realm ").append(options.realm()).append("\n");
            String format = "%-24s  %-36s  %-5s  %-24s  %s%n";
            if (!pairings.isEmpty()) {
                text.append(String.format(format, "provider", "local subject", "means", "paired", "expires"));
            }
            for (JsonNode pairing : pairings) {
                text.append(String.format(format, shown(pairing.path("provider").asText(null)),
                        shown(pairing.path("subject").asText(null)), shown(pairing.path("means").asText(null)),
                        shown(pairing.path("createdAt").asText(null)), shown(pairing.path("expiresAt").asText(null))));
            }
            print(document, text.toString());
            return 0;
        }

        static List<JsonNode> pairings(KeycloakAdmin admin, String idNat) throws AdminException {
            List<JsonNode> pairings = new ArrayList<>();
            admin.pairingAdmin("GET", "pairings", Map.of("idnat", idNat), "list the pairings of " + idNat)
                    .forEach(pairings::add);
            return pairings;
        }
    }

    @Command(name = "unpair")
    static final class Unpair extends IdpCommand {
        @Option(names = "--idnat", required = true, converter = IdNatOption.class)
        String idNat;
        @Option(names = "--provider", required = true)
        String providerText;

        @Override
        public Integer call() throws AdminException {
            String alias = EstablishmentRegistration.alias("--provider", providerText);
            AdminOptions options = AdminOptions.from(server);
            KeycloakAdmin admin = login(options);
            boolean paired = Pairings.pairings(admin, idNat).stream()
                    .anyMatch(pairing -> alias.equals(pairing.path("provider").asText()));
            if (!paired) {
                throw new AdminException("no pairing of " + idNat + " at identity provider " + alias + " in realm "
                        + options.realm() + "; nothing was changed");
            }
            admin.pairingAdmin("DELETE", "pairings", Map.of("idnat", idNat, "provider", alias),
                    "end the pairing of " + idNat + " at " + alias);
            ObjectNode document = JsonNodeFactory.instance.objectNode();
            document.put("realm", options.realm());
            document.put("id_nat", idNat);
            document.put("provider", alias);
            document.put("ended", true);
            print(document, "ended the pairing of " + idNat + " at identity provider " + alias + " in realm "
                    + options.realm() + ": the next login through " + alias + " asks for the card or e-CPS again\n");
            return 0;
        }
    }
}
