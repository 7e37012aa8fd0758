package org.pscfederator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LoginFormTest {
    private static final URI PAGE = URI.create(
            "https://localhost:8443/auth/realms/esante-wallet/protocol/openid-connect/auth?client_id=psc-bench");

    @Test
    void loginFormActionIsUnescaped() {
        String html = """
                <html><body>
                <form id="kc-form-login" onsubmit="login.disabled = true; return true;"
                      action="https://localhost:8443/auth/realms/esante-wallet/login-actions/authenticate?session_code=abc&amp;execution=e-1&amp;client_id=psc-bench&amp;tab_id=T1" method="post">
                <input name="username"></form></body></html>
                """;
        assertThat(LoginForm.action(html, PAGE)).isEqualTo(URI.create(
                "https://localhost:8443/auth/realms/esante-wallet/login-actions/authenticate"
                        + "?session_code=abc&execution=e-1&client_id=psc-bench&tab_id=T1"));
    }

    @Test
    void relativeActionIsResolvedAgainstThePage() {
        String html = "<form action='/auth/realms/esante-wallet/login-actions/authenticate?a=1&#38;b=2' id='kc-form-login'>";
        assertThat(LoginForm.action(html, PAGE)).isEqualTo(URI.create(
                "https://localhost:8443/auth/realms/esante-wallet/login-actions/authenticate?a=1&b=2"));
    }

    @Test
    void otherFormsAreIgnored() {
        String html = """
                <form id="kc-select-language" action="https://localhost/other"></form>
                <FORM method="post" ID="kc-form-login" ACTION="https://localhost/login?x=1&amp;y=2"></FORM>
                """;
        assertThat(LoginForm.action(html, PAGE)).isEqualTo(URI.create("https://localhost/login?x=1&y=2"));
    }

    @Test
    void pageWithoutLoginFormHasNoAction() {
        assertThat(LoginForm.action("<html><form id=\"kc-register-form\" action=\"/x\"></form></html>", PAGE)).isNull();
        assertThat(LoginForm.action("<form id=\"kc-form-login\" method=\"post\">", PAGE)).isNull();
    }

    @Test
    void feedbackShowsKeycloaksMessage() {
        String html = """
                <span id="input-error" class="pf-v5-c-helper-text__item-text" aria-live="polite">
                    Invalid username or password.
                </span>""";
        assertThat(LoginForm.feedback(html)).isEqualTo("Invalid username or password.");
    }

    @Test
    void feedbackFallsBackToTheTitle() {
        assertThat(LoginForm.feedback("<html><head><title>Sign in to &quot;Wallet&quot;</title></head></html>"))
                .isEqualTo("Sign in to \"Wallet\"");
        assertThat(LoginForm.feedback("<html></html>")).isNull();
    }

    @Test
    void unescapeKnowsNumericAndNamedReferences() {
        assertThat(LoginForm.unescape("a&amp;b&#x2F;c&#47;d&lt;&gt;&unknown;")).isEqualTo("a&b/c/d<>&unknown;");
    }
}
