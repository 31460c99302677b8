package org.civicca.api.ca;

import java.time.Instant;

/** A CA as {@code GET /api/v1/cas} shows it; crlNumber is that of its newest CRL (0 before the first). */
public record CaView(String name, String subjectDn, String parent, Instant notAfter, String certificatePem, String crlUrl,
                     String certificateUrl, String keyAlgorithm, long crlNumber) {
}
