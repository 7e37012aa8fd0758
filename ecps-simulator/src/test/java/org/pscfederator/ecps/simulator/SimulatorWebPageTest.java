package org.pscfederator.ecps.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorWebPageTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private SimulatorWebPage page;

    // No device API behind the page: a refused request must not reach it, or the handler would fail.
    @BeforeEach
    void newPage() {
        SimulatedDevice device = SimulatedDevice.create(folder.resolve("d.json"), "899700366240", "1234");
        page = new SimulatorWebPage(null, device, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        page.stop();
    }

    @Test
    void showsTheThreeCodesAndEscapesWhatTheServerSent() {
        String html = page.page("", new DeviceApiClient.Pending("r1", List.of("12", "47", "83"),
                "<script>x</script>", "", 0));

        assertThat(html).contains("value=\"12\"").contains("value=\"47\"").contains("value=\"83\"")
                .contains("&lt;script&gt;").doesNotContain("<script>x").contains("Code PIN");
        assertThat(page.page("", null)).contains("Aucune demande en attente");
    }

    @Test
    void theFormCarriesThePagesToken() {
        String html = page.page("", new DeviceApiClient.Pending("r1", List.of("12", "47", "83"), "RP", "", 0));

        assertThat(html).containsPattern("name=\"" + PageRequestCheck.TOKEN_FIELD + "\" value=\"[A-Za-z0-9_-]{43}\"");
    }

    @Test
    void listensOnTheLoopbackOnly() throws IOException {
        page.start(0);

        assertThat(page.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(page.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void crossSiteApprovalIsRefusedBeforeReachingTheDevice() throws IOException {
        int port = page.start(0);
        String body = "request=r1&code=47&pin=1234&action=approve";

        String answer = exchange(port, "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nOrigin: https://evil.example\r\nSec-Fetch-Site: cross-site\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(answer).startsWith("HTTP/1.1 403").contains("Requête refusée")
                .containsIgnoringCase("X-Frame-Options: DENY");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("refused POST").contains("evil.example");
    }

    @Test
    void aRequestUnderAnotherHostNameIsRefused() throws IOException {
        int port = page.start(0);

        String answer = exchange(port, "GET / HTTP/1.1\r\nHost: evil.example:" + port
                + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 403").contains("http://127.0.0.1:" + port + "/")
                .doesNotContain(PageRequestCheck.TOKEN_FIELD);
    }

    private static String exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
