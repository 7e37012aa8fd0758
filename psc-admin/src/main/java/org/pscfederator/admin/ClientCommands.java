package org.pscfederator.admin;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.pscfederator.cli.AdminPassword;
import org.pscfederator.cli.HelpOption;
import org.pscfederator.cli.UsageText;
import org.pscfederator.core.bindings.CertificateBinding;
import org.pscfederator.core.settings.RealmSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code psc-admin client}: the four commands. Each checks everything it can locally first, then through the admin
 * API, and writes only once every check passed: a refused command leaves the realm as it was.
 */
@Command(name = "client", subcommands = {ClientCommands.Register.class, ClientCommands.RotateCertificate.class,
        ClientCommands.Disable.class, ClientCommands.Show.class})
final class ClientCommands implements UsageText {

    @Mixin
    HelpOption help;
    @ParentCommand
    AdminCommand root;

    @Override
    public String usageText() {
        return AdminCommand.HELP;
    }

    /** What every client command shares: the client it is about, the server and its administrator. */
    abstract static class ClientCommand implements Callable<Integer>, UsageText {
        @Mixin
        HelpOption help;
        @Mixin
        AdminOptions.Given server;
        @Option(names = "--client-id", required = true)
        String clientIdText;
        @ParentCommand
        ClientCommands group;
        @Spec
        CommandSpec spec;

        @Override
        public String usageText() {
            return AdminCommand.HELP;
        }

        PrintStream out() {
            return group.root.out;
        }

        KeycloakAdmin login(AdminOptions options) throws AdminException {
            char[] password = group.root.adminPassword(options.adminUser());
            if (password == null) {
                throw new ParameterException(spec.commandLine(), AdminPassword.NEEDED);
            }
            try {
                return KeycloakAdmin.login(options, password);
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        /** The realm's own word (pscLoopbackRedirectsAllowed), read as the server reads its settings; off if unreadable. */
        boolean loopbackAllowed(KeycloakAdmin admin, AdminOptions options) throws AdminException {
            Map<String, String> values = new HashMap<>();
            admin.realmAttributes().properties().forEach(field -> values.put(field.getKey(), field.getValue().asText()));
            try {
                return RealmSettings.of(values).loopbackRedirectsAllowed();
            } catch (IllegalStateException e) { // RealmSettingException included: fail closed, https only
                group.root.err.println("psc-admin: warning: realm " + options.realm() + ": " + e.getMessage()
                        + "; https redirect URIs only");
                return false;
            }
        }

        void checkAgainstRealm(KeycloakAdmin admin, AdminOptions options, OrgCertificate certificate)
                throws AdminException {
            JsonNode attributes = admin.realmAttributes();
            String warning = RealmClientTrust.of(options.realm(), attributes).verify(certificate);
            if (warning != null) {
                group.root.err.println("psc-admin: warning: " + warning);
            }
        }
    }

    @Command(name = "register")
    static final class Register extends ClientCommand {
        @Option(names = "--redirect-uri")
        List<String> redirectUriTexts = List.of();
        @Option(names = "--post-logout-redirect-uri")
        List<String> postLogoutTexts = List.of();
        @Option(names = "--cert", required = true)
        Path certFile;
        @Option(names = "--bind")
        String bind;
        @Option(names = "--ciba")
        boolean ciba;
        @Option(names = "--backchannel-logout-uri")
        String backchannelLogoutText;
        @Option(names = "--no-bound-tokens")
        boolean noBoundTokens;

        @Override
        public Integer call() throws AdminException {
            String clientId = ClientRegistration.clientId(clientIdText);
            List<URI> redirectUris = ClientRegistration.redirectUris(redirectUriTexts);
            List<URI> postLogoutUris = ClientRegistration.postLogoutRedirectUris(postLogoutTexts);
            ClientRegistration.Options registration = new ClientRegistration.Options(ciba,
                    ClientRegistration.backchannelLogoutUri(backchannelLogoutText), !noBoundTokens);
            CertificateBinding.Kind kind = bindKind(bind);
            OrgCertificate certificate = OrgCertificate.read(certFile);
            AdminOptions options = AdminOptions.from(server);
            certificate.checkShape(Instant.now());

            KeycloakAdmin admin = login(options);
            checkAgainstRealm(admin, options, certificate);
            boolean loopbackAllowed = loopbackAllowed(admin, options);
            ClientRegistration.refuseLoopback(redirectUris, loopbackAllowed, options.realm());
            ClientRegistration.refuseLoopback(postLogoutUris, loopbackAllowed, options.realm());
            if (admin.client(clientId).isPresent()) {
                throw new AdminException("a client " + clientId + " already exists in realm " + options.realm()
                        + "; nothing was changed (use client rotate-cert to change its certificate)");
            }
            ClientCertificates certificates = ClientCertificates.of(certificate, kind);
            String id = admin.createClient(ClientRegistration.representation(clientId, redirectUris, postLogoutUris,
                    certificates, registration));
            try {
                admin.ensureOptionalScope(id, ClientRegistration.SCOPE_ALL);
            } catch (AdminException e) {
                admin.deleteClient(id);
                throw new AdminException(e.getMessage() + "; the client was not kept");
            }
            out().println("registered client " + clientId + " in realm " + options.realm() + ": "
                    + ClientRegistration.AUTHENTICATOR + " (tls_client_auth), bound tokens "
                    + (registration.boundTokens() ? "on" : "OFF") + (registration.ciba() ? ", CIBA poll" : "")
                    + (registration.backchannelLogout() != null ? ", back-channel logout" : "") + ", PKCE S256, optional "
                    + "scope " + ClientRegistration.SCOPE_ALL + "; certificate " + certificate.subject() + " (serial "
                    + certificate.serial() + ", valid to " + certificate.notAfter() + ") bound by "
                    + certificates.bindings().get(0).describe());
            return 0;
        }
    }

    @Command(name = "rotate-cert")
    static final class RotateCertificate extends ClientCommand {
        @Option(names = "--cert", required = true)
        Path certFile;
        @Option(names = "--bind")
        String bind;
        @Option(names = "--drop-old")
        boolean dropOld;

        @Override
        public Integer call() throws AdminException {
            String clientId = ClientRegistration.clientId(clientIdText);
            bindKind(bind);
            OrgCertificate certificate = OrgCertificate.read(certFile);
            AdminOptions options = AdminOptions.from(server);
            certificate.checkShape(Instant.now());

            KeycloakAdmin admin = login(options);
            checkAgainstRealm(admin, options, certificate);
            ObjectNode client = existing(admin, options, clientId);
            String authenticator = client.path("clientAuthenticatorType").asText();
            if (!ClientRegistration.AUTHENTICATOR.equals(authenticator)) {
                throw new AdminException("client " + clientId + " authenticates with " + authenticator + ", not "
                        + ClientRegistration.AUTHENTICATOR + ": its certificate would not be used; nothing was changed");
            }
            ObjectNode attributes = client.with("attributes");
            ClientCertificates current;
            try {
                current = ClientCertificates.read(attributes);
            } catch (IllegalArgumentException e) {
                if (!dropOld) {
                    throw new AdminException("client " + clientId + " has an unreadable "
                            + ClientCertificates.BINDINGS_ATTRIBUTE + " (" + e.getMessage() + "); add --drop-old to "
                            + "replace it with the new certificate");
                }
                current = new ClientCertificates(List.of(), List.of());
            }
            CertificateBinding.Kind kind = bind != null ? bindKind(bind) : usualKind(current);
            boolean alreadyAccepted = current.matches(certificate);
            ClientCertificates next = current.with(certificate, kind, dropOld);
            attributes.put(ClientCertificates.BINDINGS_ATTRIBUTE, next.bindingsJson());
            attributes.put(ClientCertificates.DETAILS_ATTRIBUTE, next.detailsJson());
            admin.updateClient(client);

            StringBuilder report = new StringBuilder();
            if (alreadyAccepted && !dropOld) {
                report.append("client ").append(clientId).append(" already accepted ").append(certificate.subject())
                        .append(" (serial ").append(certificate.serial()).append("); its details were recorded. ");
            }
            report.append("client ").append(clientId).append(" now accepts ").append(next.bindings().size())
                    .append(next.bindings().size() == 1 ? " certificate binding: " : " certificate bindings: ");
            for (int i = 0; i < next.bindings().size(); i++) {
                report.append(i == 0 ? "" : "; ").append(i + 1).append(". ").append(next.bindings().get(i).describe());
            }
            out().println(report);
            if (next.bindings().size() > 1) {
                out().println("once every server of " + clientId + " presents the new certificate, keep only it: "
                        + "psc-admin client rotate-cert --client-id " + clientId + " --cert NEW.pem --drop-old");
            }
            return 0;
        }
    }

    @Command(name = "disable")
    static final class Disable extends ClientCommand {
        @Override
        public Integer call() throws AdminException {
            AdminOptions options = AdminOptions.from(server);
            String clientId = ClientRegistration.clientId(clientIdText);
            KeycloakAdmin admin = login(options);
            ObjectNode client = existing(admin, options, clientId);
            String where = "client " + clientId + " in realm " + options.realm();
            if (!client.path("enabled").asBoolean(true)) {
                out().println(where + " was already disabled");
                return 0;
            }
            client.put("enabled", false);
            admin.updateClient(client);
            out().println("disabled " + where + ": no more logins nor tokens for it");
            return 0;
        }
    }

    @Command(name = "show")
    static final class Show extends ClientCommand {
        @Override
        public Integer call() throws AdminException {
            AdminOptions options = AdminOptions.from(server);
            String clientId = ClientRegistration.clientId(clientIdText);
            KeycloakAdmin admin = login(options);
            out().print(ClientReport.render(options.realm(), existing(admin, options, clientId)));
            return 0;
        }
    }

    private static ObjectNode existing(KeycloakAdmin admin, AdminOptions options, String clientId)
            throws AdminException {
        return admin.client(clientId).orElseThrow(() -> new AdminException("no client " + clientId + " in realm "
                + options.realm()));
    }

    /** A renewal keeps the kind of binding the relying service was registered with. */
    private static CertificateBinding.Kind bindKind(String bind) {
        try {
            return CertificateBinding.Kind.parse(bind);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("--bind: " + e.getMessage());
        }
    }

    private static CertificateBinding.Kind usualKind(ClientCertificates current) {
        return current.bindings().stream().allMatch(binding -> binding.kind() == CertificateBinding.Kind.SUBJECT)
                && !current.bindings().isEmpty() ? CertificateBinding.Kind.SUBJECT : CertificateBinding.Kind.THUMBPRINT;
    }
}
