package org.civicca.api.ca;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A CA as {@code GET /api/v1/cas} shows it; crlNumber, crlThisUpdate and crlNextUpdate describe its newest CRL
 * (0 and absent before the first); crlFreshness is {@code fresh}, {@code stale} (not remade when due, still
 * accepted), {@code lapsed} (past its nextUpdate) or {@code missing}, and crlStale is true unless it is fresh.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaView(String name, String subjectDn, String parent, Instant notAfter, String certificatePem, String crlUrl,
                     String certificateUrl, String keyAlgorithm, long crlNumber, Instant crlThisUpdate, Instant crlNextUpdate,
                     String crlFreshness, boolean crlStale) {
}
