package org.pscfederator.demorp;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import javax.net.ssl.SSLContext;

import org.pscfederator.cli.HelpOption;
import org.pscfederator.cli.ToolRunner;
import org.pscfederator.cli.UsageText;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bin/psc-demo-rp}: a reference relying service for vendors. Reads PSC's discovery document, then serves the
 * login with PSC on its own HTTPS port until stopped. Errors are one line and a non-zero exit (1 failure, 2 usage).
 */
@Command(name = "psc-demo-rp", subcommands = CommandLine.HelpCommand.class)
public final class DemoRp implements Callable<Integer>, UsageText {

    @Mixin
    HelpOption help;
    @Mixin
    DemoOptions.Given given;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    private DemoRp(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        return ToolRunner.run(new DemoRp(environment, out, err), out, err, args);
    }

    @Override
    public String usageText() {
        return DemoOptions.HELP;
    }

    @Override
    public Integer call() throws IOException {
        DemoOptions options = DemoOptions.from(given, environment);
        if (options.clientSecret() != null) {
            err.println("psc-demo-rp: warning: authenticating with a client secret: sandbox trials only; "
                    + "PSC's trusted space requires the ORG AUTH_CLI certificate (tls_client_auth)");
        }
        try {
            serve(options);
        } catch (BindException e) {
            throw new IOException("the port is already in use; choose another with --port", e);
        } catch (ConnectException e) {
            throw new IOException("cannot reach PSC: is the sandbox running? (--server)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Until the process is stopped. */
    private void serve(DemoOptions options) throws IOException, InterruptedException {
        SSLContext towardsPsc = Tls.towardsPsc(options.cacert(), options.certificate(),
                options.certificatePassword());
        PscClient psc = new PscClient(towardsPsc, options.clientId(), options.clientSecret());
        PscEndpoints endpoints = psc.discover(options.realmUrl());
        TokenVerifier verifier = new TokenVerifier(endpoints.issuer(), options.clientId(), () -> psc.jwks(endpoints));
        DemoServer server = new DemoServer(options, endpoints, psc, verifier);
        server.start(Tls.server(options.tlsKeystore(), options.certificatePassword()));
        out.println("psc-demo-rp: ready on " + options.publicUrl() + "/ (client " + options.clientId() + ", "
                + (options.clientSecret() == null ? "tls_client_auth with " + options.certificate()
                        : "client secret") + ", PSC " + endpoints.issuer() + "); back-channel logout at "
                + options.backchannelLogoutUri());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }));
        stopped.await();
    }
}
