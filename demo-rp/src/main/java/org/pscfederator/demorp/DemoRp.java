package org.pscfederator.demorp;

import java.io.IOException;
import java.net.BindException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import javax.net.ssl.SSLContext;

/**
 * {@code bin/psc-demo-rp}: a reference relying service for vendors. Reads PSC's discovery document, then serves the
 * login with PSC on its own HTTPS port until stopped. Errors are one line and a non-zero exit (1 failure, 2 usage).
 */
public final class DemoRp {

    private DemoRp() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> environment) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("help"))) {
            System.out.print(DemoOptions.HELP);
            return 0;
        }
        try {
            DemoOptions options = DemoOptions.parse(args, environment);
            if (options.clientSecret() != null) {
                System.err.println("psc-demo-rp: warning: authenticating with a client secret: sandbox trials only; "
                        + "PSC's trusted space requires the ORG AUTH_CLI certificate (tls_client_auth)");
            }
            SSLContext towardsPsc = Tls.towardsPsc(options.cacert(), options.certificate(),
                    options.certificatePassword());
            PscClient psc = new PscClient(towardsPsc, options.clientId(), options.clientSecret());
            PscEndpoints endpoints = psc.discover(options.realmUrl());
            TokenVerifier verifier = new TokenVerifier(endpoints.issuer(), options.clientId(),
                    () -> psc.jwks(endpoints));
            DemoServer server = new DemoServer(options, endpoints, psc, verifier);
            server.start(Tls.server(options.tlsKeystore(), options.certificatePassword()));
            System.out.println("psc-demo-rp: ready on " + options.publicUrl() + "/ (client " + options.clientId()
                    + ", " + (options.clientSecret() == null ? "tls_client_auth with " + options.certificate()
                            : "client secret") + ", PSC " + endpoints.issuer() + ")");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop();
                stopped.countDown();
            }));
            stopped.await();
            return 0;
        } catch (UsageException e) {
            System.err.println("psc-demo-rp: " + e.getMessage());
            return 2;
        } catch (BindException e) {
            System.err.println("psc-demo-rp: error: the port is already in use; choose another with --port");
            return 1;
        } catch (java.net.ConnectException e) {
            System.err.println("psc-demo-rp: error: cannot reach PSC: is the sandbox running? (--server)");
            return 1;
        } catch (IOException e) {
            System.err.println("psc-demo-rp: error: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
