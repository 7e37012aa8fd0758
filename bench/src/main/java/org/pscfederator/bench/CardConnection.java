package org.pscfederator.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One browser connection presenting a card: a fresh TLS socket (so exactly one full handshake per login, the card
 * verified by the server each time) carrying the login's requests with HTTP/1.1 keep-alive, as a browser does.
 * A plain socket and not a new {@code HttpClient} per login: the JDK client starts threads and a selector for
 * each instance, and on a shared machine that client-side cost would be measured as the server's.
 */
final class CardConnection implements Closeable {

    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    /** A response: status, headers (names in lower case) and the body as UTF-8 text. */
    record Response(int status, HttpHeaders headers, String body) {
        String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String hostHeader;

    private CardConnection(SSLSocket socket, String hostHeader) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.hostHeader = hostHeader;
    }

    /** Connects to {@code server}'s host and port and completes the TLS handshake, checking the server's name. */
    static CardConnection open(SSLContext tls, URI server, Duration timeout) throws IOException {
        int port = server.getPort() >= 0 ? server.getPort() : 443;
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(server.getHost(), port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            SSLSocket layered = (SSLSocket) tls.getSocketFactory().createSocket(socket, server.getHost(), port, true);
            SSLParameters parameters = layered.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            layered.setSSLParameters(parameters);
            layered.startHandshake();
            return new CardConnection(layered, server.getHost() + ":" + port);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    Response get(URI uri, String cookie) throws IOException {
        return exchange("GET", uri, cookie, null);
    }

    /** Sends a GET, runs {@code sent} (the call is on its way), then reads the answer: a long-poll's. */
    Response get(URI uri, Runnable sent) throws IOException {
        send("GET", uri, null, null);
        sent.run();
        return read("GET");
    }

    Response postForm(URI uri, String cookie, String form) throws IOException {
        return exchange("POST", uri, cookie, form);
    }

    private Response exchange(String method, URI uri, String cookie, String form) throws IOException {
        send(method, uri, cookie, form);
        return read(method);
    }

    private void send(String method, URI uri, String cookie, String form) throws IOException {
        StringBuilder request = new StringBuilder(512)
                .append(method).append(' ').append(uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n")
                .append("Accept: text/html\r\n");
        if (cookie != null) {
            request.append("Cookie: ").append(cookie).append("\r\n");
        }
        byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
        if (form != null) {
            request.append("Content-Type: application/x-www-form-urlencoded\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n");
        }
        request.append("\r\n");
        out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private Response read(String method) throws IOException {
        String statusLine = line();
        String[] status = statusLine.split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x response: " + statusLine);
        }
        int code;
        try {
            code = Integer.parseInt(status[1]);
        } catch (NumberFormatException e) {
            throw new IOException("bad status line: " + statusLine);
        }
        Map<String, List<String>> headers = new TreeMap<>();
        int headerBytes = statusLine.length();
        for (String line = line(); !line.isEmpty(); line = line()) {
            headerBytes += line.length();
            if (headerBytes > MAX_HEADER_BYTES) {
                throw new IOException("response headers longer than " + MAX_HEADER_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        name -> new ArrayList<>()).add(line.substring(colon + 1).trim());
            }
        }
        HttpHeaders all = HttpHeaders.of(headers, (name, value) -> true);
        byte[] body;
        if (method.equals("HEAD") || code == 204 || code == 304 || (code >= 100 && code < 200)) {
            body = new byte[0];
        } else if (all.firstValue("transfer-encoding").map(v -> v.equalsIgnoreCase("chunked")).orElse(false)) {
            body = chunked();
        } else if (all.firstValue("content-length").isPresent()) {
            body = fixed(parseLength(all.firstValue("content-length").get()));
        } else {
            throw new IOException("a response without a length on a keep-alive connection");
        }
        return new Response(code, all, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int length;
            try {
                length = Integer.parseInt((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size: " + size);
            }
            if (length == 0) {
                while (!line().isEmpty()) {
                    // trailers: none expected, skipped
                }
                return body.toByteArray();
            }
            if (length < 0 || body.size() + length > MAX_BODY_BYTES) {
                throw new IOException("response body longer than " + MAX_BODY_BYTES + " bytes");
            }
            body.write(fixed(length));
            if (!line().isEmpty()) {
                throw new IOException("a chunk not followed by CRLF");
            }
        }
    }

    private static int parseLength(String value) throws IOException {
        try {
            int length = Integer.parseInt(value.trim());
            if (length < 0 || length > MAX_BODY_BYTES) {
                throw new IOException("response body of " + value + " bytes refused");
            }
            return length;
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length: " + value);
        }
    }

    private byte[] fixed(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("the server closed the connection mid-body");
        }
        return bytes;
    }

    /** One CRLF-terminated line, without its terminator. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= MAX_HEADER_BYTES) {
                throw new IOException("a response line longer than " + MAX_HEADER_BYTES + " bytes");
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
