package org.pscfederator.ecps.simulator;

import java.io.IOException;
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
 * its three codes, a PIN field, approve and deny. Each action is a real call of the device API.
 */
public final class SimulatorWebPage {

    private final DeviceApiClient api;
    private final SimulatedDevice device;
    private HttpServer server;

    public SimulatorWebPage(DeviceApiClient api, SimulatedDevice device) {
        this.api = api;
        this.device = device;
    }

    /** Starts on 127.0.0.1 and the given port (0: any free one); returns the port. */
    public int start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.start();
        return server.getAddress().getPort();
    }

    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String message = "";
        if ("POST".equals(exchange.getRequestMethod())) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
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
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, body.length);
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
                    .append(escape(pending.requestId())).append("\">");
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
