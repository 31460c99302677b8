package org.civicca.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/** A CA's CRL as a relying party reads it from the public URL: checked against the CA's certificate, then its number and serials. */
record Crl(BigInteger number, Set<BigInteger> serials) {

    static Crl fetch(Api api, String ca) {
        try {
            X509CRLHolder crl = new X509CRLHolder(api.publicFile("/crl/" + ca + ".crl"));
            X509CertificateHolder issuer = new X509CertificateHolder(api.publicFile("/ca/" + ca + ".crt"));
            if (!crl.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer))) {
                throw new AssertionError("the CRL of " + ca + " is not signed by its certificate");
            }
            BigInteger number = ASN1Integer.getInstance(crl.getExtension(Extension.cRLNumber).getParsedValue()).getValue();
            Collection<?> entries = crl.getRevokedCertificates();
            Set<BigInteger> serials = entries.stream().map(e -> ((X509CRLEntryHolder) e).getSerialNumber())
                    .collect(Collectors.toUnmodifiableSet());
            return new Crl(number, serials);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OperatorCreationException | CertException | CertificateException e) {
            throw new AssertionError("cannot check the CRL of " + ca + ": " + e, e);
        }
    }

    boolean lists(String serialHex) {
        return serials.contains(new BigInteger(serialHex, 16));
    }
}
