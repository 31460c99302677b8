package org.civicca.core.issue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.SerialNumber;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.check.Rfc5280;
import org.civicca.core.message.CoreMessage;
import org.civicca.core.sign.CaSigner;

/**
 * The signing stage: template + serial + CA → certificate. Three guards before anything leaves: the encoding is
 * of sane size, the signature verifies with the CA's own public key, and the certificate passes {@link Rfc5280}.
 */
public final class CertificateSigner {

    static final int MAX_CERTIFICATE_BYTES = 16 * 1024;

    public X509CertificateHolder sign(CertificateAuthority issuer, SerialNumber serial, CertificateTemplate template) {
        X509CertificateHolder certificate = sign(issuer.subject(), issuer.signer(), serial, template);
        Rfc5280.require(certificate, issuer.certificate());
        return certificate;
    }

    /** Signs without the RFC 5280 check, which needs the issuer's certificate: for a self-signed root, run it on the result. */

    public X509CertificateHolder sign(X500Name issuer, CaSigner signer, SerialNumber serial, CertificateTemplate template) {
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, serial.value(),
                Date.from(template.notBefore()), Date.from(template.notAfter()), template.subject(), template.publicKey());
        try {
            for (Extension extension : template.extensions()) {
                builder.addExtension(extension);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        X509CertificateHolder certificate = builder.build(signer.contentSigner());
        check(signer, certificate);
        return certificate;
    }

    private void check(CaSigner signer, X509CertificateHolder certificate) {
        try {
            if (certificate.getEncoded().length > MAX_CERTIFICATE_BYTES) {
                throw new CaException(ErrorCode.SELF_CHECK_FAILED, null, CoreMessage.CERTIFICATE_TOO_LARGE, MAX_CERTIFICATE_BYTES);
            }
            if (!certificate.isSignatureValid(signer.verifier())) {
                throw new CaException(ErrorCode.SELF_CHECK_FAILED, null, CoreMessage.CERTIFICATE_SIGNATURE_SELF_CHECK);
            }
        } catch (IOException | CertException e) {
            throw new CaException(ErrorCode.SELF_CHECK_FAILED, null, e, CoreMessage.CERTIFICATE_SELF_CHECK);
        }
    }
}
