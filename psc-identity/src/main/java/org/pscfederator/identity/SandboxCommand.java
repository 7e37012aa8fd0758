package org.pscfederator.identity;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.pscfederator.cli.AdminPassword;
import org.pscfederator.cli.HelpOption;
import org.pscfederator.cli.UsageText;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every command shares: which sandbox, logging in as its administrator, and the sandbox check. */
abstract class SandboxCommand implements Callable<Integer>, UsageText {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    HelpOption help;
    @Mixin
    IdentityOptions.Given given;
    @ParentCommand
    IdentityCommand root;
    @Spec
    CommandSpec spec;

    @Override
    public String usageText() {
        return IdentityCommand.HELP;
    }

    PrintStream out() {
        return root.out;
    }

    /** Logs in and checks the realm is a sandbox's, before anything is changed. */
    SandboxApi sandbox(IdentityOptions options) throws IdentityException {
        char[] password = root.adminPassword(options.adminUser());
        if (password == null) {
            throw new ParameterException(spec.commandLine(), AdminPassword.NEEDED);
        }
        SandboxApi api;
        try {
            api = SandboxApi.login(options, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        api.requireSandbox();
        return api;
    }

    void printJson(Object value) throws JsonProcessingException {
        out().println(JSON.writeValueAsString(value));
    }
}
