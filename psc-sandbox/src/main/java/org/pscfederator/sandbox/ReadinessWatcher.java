package org.pscfederator.sandbox;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.pscfederator.core.certificates.PemTrust;

/** Tells the user, once, when the server answers its readiness check, and where to go next. */
final class ReadinessWatcher implements Runnable {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final SandboxOptions options;
    private final SandboxData data;
    private final Process keycloak;
    private final PrintStream out;

    ReadinessWatcher(SandboxOptions options, SandboxData data, Process keycloak, PrintStream out) {
        this.options = options;
        this.data = data;
        this.keycloak = keycloak;
        this.out = out;
    }

    void start() {
        Thread thread = new Thread(this, "psc-sandbox-readiness");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(PemTrust.sslContext(null, data.caBundle()))
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            URI health = URI.create(options.managementUrl() + "/health/ready");
            HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build();
            while (keycloak.isAlive()) {
                try {
                    if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        new SandboxDirectory(client, options, data, out).importOnFirstStart();
                        new SandboxDevices(options, data, out).enrolOnFirstStart();
                        announce();
                        return;
                    }
                } catch (java.io.IOException e) {
                    // not listening yet
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            out.println("psc-sandbox: cannot check readiness: " + e.getMessage());
        }
    }

    private void announce() {
        String realm = options.baseUrl() + "/realms/esante-wallet";
        out.println();
        out.println("psc-sandbox: ready.");
        out.println("  Discovery      " + realm + "/.well-known/wallet-openid-configuration");
        out.println("  Trust bundle   " + data.caBundle());
        out.println("  Admin console  " + options.baseUrl() + "/admin/  (user admin)");
        out.println("  Health         " + options.managementUrl() + "/health/ready");
        out.println("  Stop with Ctrl-C; the next start keeps what this one created (--reset starts over).");
        out.println();
    }

}
