package org.pscfederator.it.ops;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;

/**
 * The sandbox as operations run production's: its console in JSON lines ({@code --log-json}) and a push relay
 * configured ({@code --push-relay-*}), the test's own {@link TestPushRelay}. Started once, on first use, for the
 * test classes that ask for it, and stopped with the relay when the run ends.
 */
class OpsSandboxExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SandboxServer.class || type == TestPushRelay.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Shared shared = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("sandbox-ops", key -> Shared.start(), Shared.class);
        return parameter.getParameter().getType() == TestPushRelay.class ? shared.relay() : shared.server();
    }

    record Shared(SandboxServer server, TestPushRelay relay) implements ExtensionContext.Store.CloseableResource {

        static Shared start() {
            TestPushRelay relay = new TestPushRelay(Launcher.workDir().resolve("sandbox-ops-relay"));
            List<String> options = new ArrayList<>(List.of("--log-json"));
            options.addAll(relay.launcherOptions());
            try {
                return new Shared(new SandboxServer("sandbox-ops", options).startFresh(), relay);
            } catch (RuntimeException e) {
                relay.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                server.close();
            } finally {
                relay.close();
            }
        }
    }
}
