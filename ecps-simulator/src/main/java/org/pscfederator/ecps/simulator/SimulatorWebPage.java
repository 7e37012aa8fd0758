package org.pscfederator.ecps.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The simulator as a small web page on the loopback interface ({@code psc-ecps-sim serve}): the pending request with
 * its three codes, a PIN field, approve and deny. Each action is a real call of the device API. Only the page itself
 * may answer: {@link PageRequestCheck} refuses other sites' requests before anything reaches the device.
 */
public final class SimulatorWebPage {

    static final String LOOPBACK = "127.0.0.1";

    private final DeviceApiClient api;
    private final SimulatedDevice device;
    private final PrintStream log;
    private final PageToken token = PageToken.random();
    private HttpServer server;
    private PageRequestCheck check;

    public SimulatorWebPage(DeviceApiClient api, SimulatedDevice device, PrintStream log) {
        this.api = api;
        this.device = device;
        this.log = log;
    }

    /** Starts on 127.0.0.1 only and the given port (0: any free one); returns the port. */
    public int start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(LOOPBACK, port), 0);
        // The port is known only once bound (port 0): the check needs it to recognise the page's own requests.
        check = new PageRequestCheck(LOOPBACK + ":" + server.getAddress().getPort(), token);
        server.createContext("/", this::handle);
        server.start();
        return server.getAddress().getPort();
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        Map<String, String> form = "POST".equals(method)
                ? form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)) : Map.of();
        Optional<String> refusal = check.refusal(method, exchange.getRequestHeaders(), form);
        if (refusal.isPresent()) {
            log.println("psc-ecps-sim: refused " + method + " " + exchange.getRequestURI() + ": " + refusal.get());
            send(exchange, 403, "text/plain; charset=utf-8", "Requête refusée : elle ne vient pas de la page du "
                    + "simulateur. Ouvrez " + check.origin() + "/ et recommencez.\n");
            return;
        }
        String message = "";
        if ("POST".equals(method)) {
            try {
                boolean approve = "approve".equals(form.get("action"));
                DeviceApiClient.Answer answer = api.answer(device, form.getOrDefault("pin", ""),
                        form.getOrDefault("request", ""), approve ? form.get("code") : null, approve);
                message = answer.status() == 200 ? "Réponse envoyée : " + answer.body().path("outcome").asText()
                        : "Réponse refusée : " + answer.error();
            } catch (SimulatorException e) {
                message = e.getMessage();
            }
        }
        String page;
        try {
            Optional<DeviceApiClient.Pending> pending = api.pending(device, message.isEmpty() ? 2 : 0);
            page = page(message, pending.orElse(null));
        } catch (SimulatorException e) {
            page = page(message + " " + e.getMessage(), null);
        }
        send(exchange, 200, "text/html; charset=utf-8", page);
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        // No other site may frame the page and lure clicks onto its buttons.
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        exchange.getResponseHeaders().set("Content-Security-Policy", "frame-ancestors 'none'");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    String page(String message, DeviceApiClient.Pending pending) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                + "<title>Simulateur e-CPS</title></head><body><h1>Simulateur e-CPS</h1><p>Identifiant "
                + escape(device.idNat()) + (device.locked() ? " — <strong>appareil verrouillé</strong>" : "") + "</p>");
        if (!message.isBlank()) {
            html.append("<p id=\"message\">").append(escape(message.strip())).append("</p>");
        }
        if (pending == null) {
            html.append("<p id=\"none\">Aucune demande en attente.</p><p><a href=\"/\">Actualiser</a></p>"
                    + "<script>setTimeout(function(){location.reload();},1000);</script>");
        } else {
            html.append("<form method=\"post\" id=\"request\"><p>Demande de connexion à ")
                    .append(escape(pending.clientName())).append(". Choisissez le code affiché sur la page de "
                            + "connexion :</p><input type=\"hidden\" name=\"request\" value=\"")
                    .append(escape(pending.requestId())).append("\"><input type=\"hidden\" name=\"")
                    .append(PageRequestCheck.TOKEN_FIELD).append("\" value=\"").append(escape(token.value()))
                    .append("\">");
            for (String code : pending.choices()) {
                html.append("<label><input type=\"radio\" name=\"code\" value=\"").append(escape(code)).append("\"> ")
                        .append(escape(code)).append("</label> ");
            }
            html.append("<p><label>Code PIN <input type=\"password\" name=\"pin\" inputmode=\"numeric\" "
                    + "maxlength=\"4\"></label></p><button name=\"action\" value=\"approve\">Valider</button> "
                    + "<button name=\"action\" value=\"deny\">Refuser</button></form>");
        }
        return html.append("</body></html>").toString();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
