package org.pscfederator.it.harness;

import java.util.List;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the suite's sandbox on its embedded H2 database: started once, on first use, for every test class
 * of the run, and stopped when the run ends.
 */
public class SandboxServerExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SandboxServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("sandbox-h2", key -> new Shared(new SandboxServer("sandbox-h2", List.of())
                        .startFresh()), Shared.class).server();
    }

    /** Closes the server with the root context, at the end of the run. */
    record Shared(SandboxServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }
}
