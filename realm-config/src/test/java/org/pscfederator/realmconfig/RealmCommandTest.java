package org.pscfederator.realmconfig;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;
import org.pscfederator.cli.ToolRun;

class RealmCommandTest {

    private ToolRun last;

    private int run(String... args) {
        last = ToolRun.of((out, err) -> RealmCommand.run(args, out, err));
        return last.code();
    }


    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(last.out()).startsWith("usage: realm-config assemble");
        assertThat(run("assemble", "-h")).isZero();
    }

    @Test
    void aBadOptionIsOneLineAndExitsTwo() {
        assertThat(run("assemble", "production", "--colour", "red")).isEqualTo(2);
        assertThat(last.err()).startsWith("realm-config: error: unknown option --colour").hasLineCount(1);
    }

    @Test
    void aMissingOptionIsOneLineAndExitsTwo() {
        assertThat(run("assemble", "production", "--out", "x.json")).isEqualTo(2);
        assertThat(last.err()).startsWith("realm-config: error: --").contains("is required").hasLineCount(1);
        assertThat(run("assemble", "production", "--out")).isEqualTo(2);
        assertThat(last.err()).isEqualTo("realm-config: error: --out needs a value\n");
    }

    @Test
    void anUnknownVariantIsABadValue() {
        assertThat(run("assemble", "staging", "--card-trust-anchors", "a.pem", "--client-trust-anchors", "b.pem",
                "--card-policy", "1.2", "--client-policy", "1.3", "--card-crls", "c", "--client-crls", "d",
                "--out", "x.json")).isEqualTo(2);
        assertThat(last.err()).isEqualTo("realm-config: error: unknown realm variant 'staging' (expected sandbox or "
                + "production)\n");
    }
}
