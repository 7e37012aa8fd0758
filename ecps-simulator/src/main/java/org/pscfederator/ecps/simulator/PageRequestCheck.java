package org.pscfederator.ecps.simulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.Headers;

/**
 * Lets through only the requests of the simulator's own page, so that a web site the developer visits cannot make
 * their browser answer a login: every request must name the address the page listens on (a rebound DNS name is
 * refused), and every POST must come from that origin and carry the page's token.
 */
final class PageRequestCheck {

    static final String TOKEN_FIELD = "page_token";

    private final String host;
    private final String origin;
    private final PageToken token;

    /** @param host the address the page listens on, as a browser writes it in {@code Host}: {@code 127.0.0.1:8450} */
    PageRequestCheck(String host, PageToken token) {
        this.host = host;
        this.origin = "http://" + host;
        this.token = token;
    }

    String origin() {
        return origin;
    }

    /** Why the request is refused (English, for the log); empty when it may go on. */
    Optional<String> refusal(String method, Headers headers, Map<String, String> form) {
        String requestHost = single(headers, "Host");
        if (!host.equals(requestHost)) {
            return Optional.of("Host " + requestHost + " is not " + host);
        }
        if (!"POST".equals(method)) {
            return Optional.empty();
        }
        String requestOrigin = single(headers, "Origin");
        if (!origin.equals(requestOrigin)) {
            return Optional.of("Origin " + requestOrigin + " is not " + origin);
        }
        // Older browsers do not send it; when sent, it is the browser's own word on where the request comes from.
        String site = single(headers, "Sec-Fetch-Site");
        if (headers.containsKey("Sec-Fetch-Site") && !"same-origin".equals(site)) {
            return Optional.of("Sec-Fetch-Site " + site + " is not same-origin");
        }
        if (!token.matches(form.get(TOKEN_FIELD))) {
            return Optional.of("missing or wrong page token");
        }
        return Optional.empty();
    }

    /** The header's value when it is sent exactly once; two values are as good as none. */
    private static String single(Headers headers, String name) {
        List<String> values = headers.get(name);
        return values != null && values.size() == 1 ? values.get(0) : null;
    }
}
