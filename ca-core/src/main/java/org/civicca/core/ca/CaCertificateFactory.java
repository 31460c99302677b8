package org.civicca.core.ca;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.civicca.core.SerialNumber;
import org.civicca.core.check.Rfc5280;
import org.civicca.core.issue.CertificateSigner;
import org.civicca.core.issue.CertificateTemplate;
import org.civicca.core.issue.Extensions;
import org.civicca.core.issue.SerialNumberGenerator;
import org.civicca.core.sign.CaSigner;

/**
 * Makes CA certificates: the self-signed root, and issuing CAs signed by their parent (path length 0, the
 * parent's CRL and certificate URLs, anyPolicy). An issuing CA never outlives its parent.
 */
public final class CaCertificateFactory {

    static final ASN1ObjectIdentifier ANY_POLICY = new ASN1ObjectIdentifier("2.5.29.32.0");

    private final CertificateSigner certificateSigner;
    private final SerialNumberGenerator serials;
    private final CaUrls urls;

    public CaCertificateFactory(CertificateSigner certificateSigner, SerialNumberGenerator serials, CaUrls urls) {
        this.certificateSigner = certificateSigner;
        this.serials = serials;
        this.urls = urls;
    }

    public CertificateAuthority createRoot(CaDefinition definition, CaSigner signer, Instant now) {
        Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.atOffset(ZoneOffset.UTC).plusYears(definition.validityYears()).toInstant();
        List<Extension> extensions = new ArrayList<>(caExtensions(signer, null));
        CertificateTemplate template = new CertificateTemplate(definition.subject(), signer.publicKey(), notBefore, notAfter, extensions);
        X509CertificateHolder certificate = certificateSigner.sign(definition.subject(), signer, serial(), template);
        Rfc5280.require(certificate, certificate);
        return new CertificateAuthority(definition, signer, List.of(certificate));
    }

    public CertificateAuthority createSubordinate(CaDefinition definition, CaSigner signer, CertificateAuthority parent, Instant now) {
        Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS);
        Instant wanted = notBefore.atOffset(ZoneOffset.UTC).plusYears(definition.validityYears()).toInstant();
        Instant notAfter = wanted.isAfter(parent.notAfter()) ? parent.notAfter() : wanted;
        List<Extension> extensions = new ArrayList<>(caExtensions(signer, 0));
        extensions.add(Extensions.authorityKeyIdentifier(parent.certificate()));
        extensions.add(Extensions.crlDistributionPoint(urls.crl(parent.name())));
        extensions.add(Extensions.caIssuers(urls.certificate(parent.name())));
        extensions.add(Extensions.certificatePolicies(List.of(ANY_POLICY)));
        CertificateTemplate template = new CertificateTemplate(definition.subject(), signer.publicKey(), notBefore, notAfter, extensions);
        X509CertificateHolder certificate = certificateSigner.sign(parent, serial(), template);
        List<X509CertificateHolder> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(parent.chain());
        return new CertificateAuthority(definition, signer, chain);
    }

    private static List<Extension> caExtensions(CaSigner signer, Integer pathLength) {
        return List.of(
                Extensions.basicConstraints(true, pathLength),
                Extensions.keyUsage(new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
                Extensions.subjectKeyIdentifier(signer.publicKey()));
    }

    private SerialNumber serial() {
        return serials.next();
    }
}
