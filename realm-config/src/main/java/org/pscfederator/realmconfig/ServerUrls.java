package org.pscfederator.realmconfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Where the server is reached, for the sandbox's realms that name it: {@code publicUrl} is the base URL browsers
 * open and issuers are built on ({@code https://localhost:8443/auth}); {@code localUrl} the same public port as the
 * server reaches it from its own machine, for back-channel calls from one realm to another (an identity provider's
 * token and key endpoints). Both are the TLS front's, never Keycloak's loopback port.
 */
public record ServerUrls(String publicUrl, String localUrl) {

    /** The sandbox's defaults: {@code bin/psc-sandbox} without {@code --host} nor {@code --https-port}. */
    public static final ServerUrls SANDBOX_DEFAULT = new ServerUrls("https://localhost:8443/auth",
            "https://localhost:8443/auth");

    public ServerUrls {
        requireHttpsBase("public", publicUrl);
        requireHttpsBase("local", localUrl);
    }

    Map<String, String> placeholders() {
        return Map.of("publicUrl", publicUrl, "localUrl", localUrl);
    }

    private static void requireHttpsBase(String which, String url) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getQuery() != null
                || uri.getFragment() != null || url.endsWith("/") || url.contains("\"")) {
            throw new RealmConfigException("the " + which + " URL is not an https base URL without a trailing"
                    + " slash (https://localhost:8443/auth): " + url);
        }
    }
}
