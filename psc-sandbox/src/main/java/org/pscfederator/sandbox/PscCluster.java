package org.pscfederator.sandbox;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.pscfederator.cli.ToolRunner;
import org.pscfederator.cli.UsageText;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bin/psc-cluster}: the sandbox as a cluster, N Keycloak nodes on one PostgreSQL behind HAProxy, in the
 * foreground until Ctrl-C, which stops everything it started (docs/cluster.md).
 */
@Command(name = "psc-cluster")
public final class PscCluster implements Callable<Integer>, UsageText {

    @Mixin
    ClusterOptions options;
    private final PrintStream out;

    PscCluster(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(ToolRunner.run(new PscCluster(System.out), System.out, System.err, args));
    }

    @Override
    public String usageText() {
        return ClusterOptions.USAGE;
    }

    @Override
    public Integer call() throws InterruptedException {
        Cluster cluster = Cluster.prepare(options.checked(), out);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "psc-cluster-stop"));
        cluster.start();
        return cluster.awaitEnd();
    }
}
