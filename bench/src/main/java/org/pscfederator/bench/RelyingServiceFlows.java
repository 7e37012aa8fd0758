package org.pscfederator.bench;

import picocli.CommandLine.TypeConversionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import javax.net.ssl.KeyManager;

/**
 * The relying service's own requests, with a client secret or with its ORG certificate (tls_client_auth), to compare
 * their cost (the target: mTLS at least 0.8 times the secret's rate). Each worker is a relying service keeping its
 * connection (as a server-side client does) and a professional's browser with an SSO session made by one card login
 * when the worker starts, so that a code costs one authorization request and the exchange is what is measured:
 * <ul>
 * <li>{@code *-exchange}: an authorization request answered from the SSO session, then the code exchange;</li>
 * <li>{@code *-refresh}: a refresh, each with the refresh token the previous one returned.</li>
 * </ul>
 */
final class RelyingServiceFlows {

    private RelyingServiceFlows() {
    }

    static Flow secretExchange(FlowContext context) {
        return exchangeFlow(context, secret(context));
    }

    static Flow mtlsExchange(FlowContext context) {
        return exchangeFlow(context, certificate(context));
    }

    static Flow secretRefresh(FlowContext context) {
        return refreshFlow(context, secret(context));
    }

    static Flow mtlsRefresh(FlowContext context) {
        return refreshFlow(context, certificate(context));
    }

    private static CodeExchange secret(FlowContext context) {
        return new CodeExchange(context, context.newHttpClient(), context.options().rpClientId(),
                context.options().rpClientSecret());
    }

    private static CodeExchange certificate(FlowContext context) {
        return CodeExchange.withCertificate(context,
                context.newHttpClient(context.trustWithClientKeys(keys(context.options().rpCert()))),
                context.options().rpClientId());
    }

    private static Flow exchangeFlow(FlowContext context, CodeExchange client) {
        CardSession browser = new CardSession(context, CardLoginFlow.anyCard(context.options()), new SecureRandom());
        String redirect = context.options().rpRedirectUri().toString();
        return () -> {
            CardSession.Code code = browser.code();
            client.exchange(code.code(), redirect, code.verifier());
        };
    }

    private static Flow refreshFlow(FlowContext context, CodeExchange client) {
        CardSession browser = new CardSession(context, CardLoginFlow.anyCard(context.options()), new SecureRandom());
        String redirect = context.options().rpRedirectUri().toString();
        String[] refreshToken = new String[1];
        return () -> {
            if (refreshToken[0] == null) {
                // The worker's first call (in the warm-up) logs in once; every later call is one refresh.
                CardSession.Code code = browser.code();
                refreshToken[0] = client.exchange(code.code(), redirect, code.verifier());
                if (refreshToken[0] == null) {
                    throw new FlowFailure("the relying service got no refresh token");
                }
                return;
            }
            try {
                refreshToken[0] = client.refresh(refreshToken[0]);
            } catch (FlowFailure e) {
                refreshToken[0] = null; // log in again next time
                throw e;
            }
        };
    }

    static KeyManager[] keys(Path p12) {
        if (!Files.isRegularFile(p12)) {
            throw new TypeConversionException("--rp-cert " + p12 + ": no such file (start the sandbox once, or issue one"
                    + " with bin/psc-pki client --client-id ...)");
        }
        return CardLoginFlow.keyManagers(p12, "--rp-cert");
    }
}
