package org.civicca.core.check;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.message.CoreMessage;

/**
 * The self-check every certificate and CRL passes after signing and before it leaves the CA (RFC 5280 and the key
 * usage rules of RFC 5480 and RFC 8410). The tests apply the same checks to everything they produce.
 */
public final class Rfc5280 {

    private Rfc5280() {
    }

    /** What is wrong with {@code certificate}; {@code issuer} is the certificate itself for a self-signed root. */
    public static List<String> problems(X509CertificateHolder certificate, X509CertificateHolder issuer) {
        List<String> problems = new ArrayList<>();
        CertificateRules.check(certificate, issuer, problems);
        return problems;
    }

    /** What is wrong with {@code crl}; {@code previousNumber} is the number of the CA's CRL before it, if any. */
    public static List<String> problems(X509CRLHolder crl, X509CertificateHolder issuer, OptionalLong previousNumber) {
        List<String> problems = new ArrayList<>();
        CrlRules.check(crl, issuer, previousNumber, problems);
        return problems;
    }

    /** @throws CaException {@link ErrorCode#SELF_CHECK_FAILED} naming every problem */
    public static void require(X509CertificateHolder certificate, X509CertificateHolder issuer) {
        List<String> problems = problems(certificate, issuer);
        if (!problems.isEmpty()) {
            throw new CaException(ErrorCode.SELF_CHECK_FAILED, null, CoreMessage.CERTIFICATE_BREAKS_RFC5280,
                    certificate.getSerialNumber().toString(16), String.join("; ", problems));
        }
    }

    /** @throws CaException {@link ErrorCode#SELF_CHECK_FAILED} naming every problem */
    public static void require(X509CRLHolder crl, X509CertificateHolder issuer, OptionalLong previousNumber) {
        List<String> problems = problems(crl, issuer, previousNumber);
        if (!problems.isEmpty()) {
            throw new CaException(ErrorCode.SELF_CHECK_FAILED, null, CoreMessage.CRL_BREAKS_RFC5280, String.join("; ", problems));
        }
    }
}
