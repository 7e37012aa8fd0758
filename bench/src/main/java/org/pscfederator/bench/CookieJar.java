package org.pscfederator.bench;

import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cookies of one flow, like a fresh browser. Every request of a flow goes to the same server under the
 * realm's path, so names and values are enough: paths and domains are not matched. A new jar per flow keeps
 * each flow a first login instead of a silent SSO re-login.
 */
final class CookieJar {
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Takes the response's Set-Cookie headers; a cookie expired by Max-Age or a past date is dropped. */
    void absorb(HttpHeaders headers) {
        for (String setCookie : headers.allValues("set-cookie")) {
            absorb(setCookie);
        }
    }

    void absorb(String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        if (isExpired(parts)) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private static boolean isExpired(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
            if (attribute.startsWith("max-age=")) {
                try {
                    return Long.parseLong(attribute.substring("max-age=".length()).trim()) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
            // Servers expire cookies with the epoch; a full date parser is not worth it for a bench.
            if (attribute.startsWith("expires=") && attribute.contains("1970")) {
                return true;
            }
        }
        return false;
    }

    /** The Cookie request header value, or null when the jar is empty. */
    String header() {
        if (cookies.isEmpty()) {
            return null;
        }
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    boolean isEmpty() {
        return cookies.isEmpty();
    }
}
