package org.civicca.api.certificate;

import java.util.List;

/** One page of a certificate listing; pages start at 0. */
public record CertificatePage(List<CertificateView> items, int page, int size, long total) {
}
