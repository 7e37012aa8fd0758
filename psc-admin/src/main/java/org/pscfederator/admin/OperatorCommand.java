package org.pscfederator.admin;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.pscfederator.cli.HelpOption;
import org.pscfederator.cli.UsageText;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the everyday commands share (audit, events export, device, session, trust): the server and its administrator,
 * and {@code --json}, one JSON document on stdout in place of the text for people.
 */
abstract class OperatorCommand implements Callable<Integer>, UsageText {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin
    HelpOption help;
    @Mixin
    AdminOptions.Given server;
    @Option(names = "--json")
    boolean json;
    @Spec
    CommandSpec spec;

    /** The tool's root command: its streams, its environment. */
    abstract AdminCommand root();

    @Override
    public String usageText() {
        return AdminCommand.HELP;
    }

    PrintStream out() {
        return root().out;
    }

    KeycloakAdmin login(AdminOptions options) throws AdminException {
        return root().login(options, spec);
    }

    /** Prints {@code document} with {@code --json}, else the text. */
    void print(JsonNode document, String text) {
        if (json) {
            try {
                out().println(JSON.writeValueAsString(document));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out().print(text);
        }
    }

    /** A value from the server made safe for a terminal: no control characters, never empty. */
    static String shown(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        return value.replaceAll("\\p{Cntrl}", "?");
    }
}
