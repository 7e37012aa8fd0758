package org.pscfederator.bench;

import picocli.CommandLine.TypeConversionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The flows the bench knows, by the name used in {@code --flows}. Add new flows here. */
public final class FlowRegistry {

    /** Keycloak's own password login plus code exchange: the baseline other flows are compared with. */
    public static final String PASSWORD = "password";
    /** CPS card login: a new TLS connection presenting a test card per login, then the code exchange. */
    public static final String CPS = "cps";
    /** e-CPS login: identifier, push, simulated phone approving with the right code and PIN, page continuing. */
    public static final String ECPS = "ecps";

    /** Relying-service flows: code exchange and refresh with a client secret or with the ORG certificate. */
    public static final String SECRET_EXCHANGE = "secret-exchange";
    public static final String MTLS_EXCHANGE = "mtls-exchange";
    public static final String SECRET_REFRESH = "secret-refresh";
    public static final String MTLS_REFRESH = "mtls-refresh";

    private static final Map<String, Function<FlowContext, Flow>> FLOWS = new LinkedHashMap<>();

    static {
        FLOWS.put(PASSWORD, PasswordLoginFlow::new);
        FLOWS.put(CPS, CardLoginFlow::new);
        FLOWS.put(SECRET_EXCHANGE, RelyingServiceFlows::secretExchange);
        FLOWS.put(MTLS_EXCHANGE, RelyingServiceFlows::mtlsExchange);
        FLOWS.put(SECRET_REFRESH, RelyingServiceFlows::secretRefresh);
        FLOWS.put(MTLS_REFRESH, RelyingServiceFlows::mtlsRefresh);
        FLOWS.put(ECPS, EcpsLoginFlow::new);
    }

    private FlowRegistry() {
    }

    public static List<String> names() {
        return List.copyOf(FLOWS.keySet());
    }

    /** A new flow instance for one worker. */
    public static Flow create(String name, FlowContext context) {
        Function<FlowContext, Flow> factory = FLOWS.get(name);
        if (factory == null) {
            throw new TypeConversionException("unknown flow '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return factory.apply(context);
    }
}
