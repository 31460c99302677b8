package org.civicca.api.crl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicca.core.ca.Authorities;
import org.civicca.core.ca.CertificateAuthority;
import org.springframework.stereotype.Component;

/** Each CA's certificate as served to relying parties: DER, ETag and date, computed once at start. */
@Component
class CaCertificateFiles {

    private final Map<String, File> files;

    CaCertificateFiles(Authorities authorities) {
        this.files = authorities.all().stream().collect(Collectors.toUnmodifiableMap(CertificateAuthority::name, CaCertificateFiles::file));
    }

    File get(String caName) {
        return files.get(caName);
    }

    private static File file(CertificateAuthority ca) {
        try {
            String etag = "\"" + ca.name() + "-" + ca.certificate().getSerialNumber().toString(16) + "\"";
            return new File(ca.certificate().getEncoded(), etag, ca.certificate().getNotBefore().toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record File(byte[] der, String etag, Instant issued) {
    }
}
