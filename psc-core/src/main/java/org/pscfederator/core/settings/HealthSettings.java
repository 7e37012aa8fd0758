package org.pscfederator.core.settings;

import java.time.Duration;

/**
 * When the operations health check warns: {@code crlWarning} before a CRL's refusal point, and when the national
 * directory is older than {@code directoryMaxAge}.
 */
public record HealthSettings(Duration crlWarning, Duration directoryMaxAge) {
}
