package org.pscfederator.admin;

import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The four {@code client} commands. Each checks everything it can locally first, then through the admin API, and
 * writes only once every check passed: a refused command leaves the realm as it was.
 */
final class ClientCommands {

    /** Where the admin password comes from (the environment or a terminal). */
    interface PasswordSource {
        char[] password(String adminUser) throws UsageException;
    }

    private final PrintStream out;
    private final PrintStream err;
    private final PasswordSource passwords;

    ClientCommands(PrintStream out, PrintStream err, PasswordSource passwords) {
        this.out = out;
        this.err = err;
        this.passwords = passwords;
    }

    int register(String[] args) throws UsageException, AdminException {
        CommandLine line = parse(args, "client register", Set.of("--client-id", "--redirect-uri", "--cert", "--bind",
                        "--post-logout-redirect-uri"),
                Set.of());
        String clientId = ClientRegistration.clientId(line.required("--client-id"));
        List<URI> redirectUris = ClientRegistration.redirectUris(line.values("--redirect-uri"));
        List<String> postLogout = line.values("--post-logout-redirect-uri");
        List<URI> postLogoutUris = ClientRegistration.postLogoutRedirectUris(postLogout);
        CertificateBinding.Kind kind = CertificateBinding.Kind.parse(line.value("--bind"));
        OrgCertificate certificate = OrgCertificate.read(java.nio.file.Path.of(line.required("--cert")));
        AdminOptions options = AdminOptions.from(line);
        certificate.checkShape(Instant.now());

        KeycloakAdmin admin = login(options);
        checkAgainstRealm(admin, options, certificate);
        if (admin.client(clientId).isPresent()) {
            throw new AdminException("a client " + clientId + " already exists in realm " + options.realm()
                    + "; nothing was changed (use client rotate-cert to change its certificate)");
        }
        ClientCertificates certificates = ClientCertificates.of(certificate, kind);
        String id = admin.createClient(ClientRegistration.representation(clientId, redirectUris, postLogoutUris,
                certificates));
        try {
            admin.ensureOptionalScope(id, ClientRegistration.SCOPE_ALL);
        } catch (AdminException e) {
            admin.deleteClient(id);
            throw new AdminException(e.getMessage() + "; the client was not kept");
        }
        out.println("registered client " + clientId + " in realm " + options.realm() + ": "
                + ClientRegistration.AUTHENTICATOR + " (tls_client_auth), bound tokens on, PKCE S256, optional scope "
                + ClientRegistration.SCOPE_ALL + "; certificate " + certificate.subject() + " (serial "
                + certificate.serial() + ", valid to " + certificate.notAfter() + ") bound by "
                + certificates.bindings().get(0).describe());
        return AdminCommand.OK;
    }

    int rotateCertificate(String[] args) throws UsageException, AdminException {
        CommandLine line = parse(args, "client rotate-cert", Set.of("--client-id", "--cert", "--bind"),
                Set.of("--drop-old"));
        String clientId = ClientRegistration.clientId(line.required("--client-id"));
        String bind = line.value("--bind");
        CertificateBinding.Kind.parse(bind);
        OrgCertificate certificate = OrgCertificate.read(java.nio.file.Path.of(line.required("--cert")));
        boolean dropOld = line.flag("--drop-old");
        AdminOptions options = AdminOptions.from(line);
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
        CertificateBinding.Kind kind = bind != null ? CertificateBinding.Kind.parse(bind) : usualKind(current);
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
        out.println(report);
        if (next.bindings().size() > 1) {
            out.println("once every server of " + clientId + " presents the new certificate, keep only it: "
                    + "psc-admin client rotate-cert --client-id " + clientId + " --cert NEW.pem --drop-old");
        }
        return AdminCommand.OK;
    }

    int disable(String[] args) throws UsageException, AdminException {
        Existing existing = existingClient(args, "client disable");
        ObjectNode client = existing.client();
        String where = "client " + existing.clientId() + " in realm " + existing.realm();
        if (!client.path("enabled").asBoolean(true)) {
            out.println(where + " was already disabled");
            return AdminCommand.OK;
        }
        client.put("enabled", false);
        existing.admin().updateClient(client);
        out.println("disabled " + where + ": no more logins nor tokens for it");
        return AdminCommand.OK;
    }

    int show(String[] args) throws UsageException, AdminException {
        Existing existing = existingClient(args, "client show");
        out.print(ClientReport.render(existing.realm(), existing.client()));
        return AdminCommand.OK;
    }

    /** A registered client, as the commands that take only {@code --client-id} find it. */
    private record Existing(KeycloakAdmin admin, String realm, String clientId, ObjectNode client) {
    }

    private Existing existingClient(String[] args, String command) throws UsageException, AdminException {
        CommandLine line = parse(args, command, Set.of("--client-id"), Set.of());
        String clientId = ClientRegistration.clientId(line.required("--client-id"));
        AdminOptions options = AdminOptions.from(line);
        KeycloakAdmin admin = login(options);
        return new Existing(admin, options.realm(), clientId, existing(admin, options, clientId));
    }

    private static CommandLine parse(String[] args, String command, Set<String> valueOptions, Set<String> flags)
            throws UsageException {
        Set<String> all = new HashSet<>(valueOptions);
        all.addAll(AdminOptions.OPTIONS);
        return CommandLine.parse(args, all, flags, command);
    }

    private KeycloakAdmin login(AdminOptions options) throws UsageException, AdminException {
        char[] password = passwords.password(options.adminUser());
        KeycloakAdmin admin = new KeycloakAdmin(options);
        try {
            admin.login(password);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        return admin;
    }

    private void checkAgainstRealm(KeycloakAdmin admin, AdminOptions options, OrgCertificate certificate)
            throws AdminException {
        JsonNode attributes = admin.realmAttributes();
        String warning = RealmClientTrust.of(options.realm(), attributes).verify(certificate);
        if (warning != null) {
            err.println("psc-admin: warning: " + warning);
        }
    }

    private static ObjectNode existing(KeycloakAdmin admin, AdminOptions options, String clientId)
            throws AdminException {
        return admin.client(clientId).orElseThrow(() -> new AdminException("no client " + clientId + " in realm "
                + options.realm()));
    }

    /** A renewal keeps the kind of binding the relying service was registered with. */
    private static CertificateBinding.Kind usualKind(ClientCertificates current) {
        return current.bindings().stream().allMatch(binding -> binding.kind() == CertificateBinding.Kind.SUBJECT)
                && !current.bindings().isEmpty() ? CertificateBinding.Kind.SUBJECT : CertificateBinding.Kind.THUMBPRINT;
    }
}
