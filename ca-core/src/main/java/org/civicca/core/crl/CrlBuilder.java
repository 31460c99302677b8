package org.civicca.core.crl;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.TBSCertList;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V2TBSCertListGenerator;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.operator.ContentSigner;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.check.Rfc5280;
import org.civicca.core.issue.Extensions;
import org.civicca.core.message.CoreMessage;
import org.civicca.core.revoke.RevocationReason;
import org.civicca.core.store.RevokedEntry;

/**
 * Builds and signs a v2 CRL: a pure function of the issuer, its revoked entries, the CRL number and the times.
 * Times are whole seconds in UTC. Each entry carries its reasonCode (left out for unspecified, as RFC 5280
 * 5.3.1 asks) and invalidityDate when known. The signature is verified, and the CRL checked against
 * {@link Rfc5280}, before it is returned.
 */
public final class CrlBuilder {

    private static final Map<RevocationReason, org.bouncycastle.asn1.x509.Extensions> REASON_ONLY = reasonOnly();

    public X509CRLHolder build(CertificateAuthority issuer, Iterable<RevokedEntry> entries, long number, Instant thisUpdate, Instant nextUpdate) {
        return build(issuer, entries, number, thisUpdate, nextUpdate, OptionalLong.empty());
    }

    /** {@code previousNumber}: the number of the CA's CRL before this one, which this one's must exceed. */
    public X509CRLHolder build(CertificateAuthority issuer, Iterable<RevokedEntry> entries, long number, Instant thisUpdate, Instant nextUpdate,
                               OptionalLong previousNumber) {
        Instant from = thisUpdate.truncatedTo(ChronoUnit.SECONDS);
        Instant until = nextUpdate.truncatedTo(ChronoUnit.SECONDS);
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("nextUpdate must follow thisUpdate");
        }
        ContentSigner signer = issuer.signer().contentSigner();
        V2TBSCertListGenerator tbs = new V2TBSCertListGenerator();
        tbs.setSignature(signer.getAlgorithmIdentifier());
        tbs.setIssuer(issuer.subject());
        tbs.setThisUpdate(new Time(Date.from(from)));
        tbs.setNextUpdate(new Time(Date.from(until)));
        X509CRLHolder crl;
        try {
            addEntries(tbs, entries);
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extensions.authorityKeyIdentifier(issuer.certificate()));
            extensions.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            tbs.setExtensions(extensions.generate());
            crl = signed(tbs.generateTBSCertList(), signer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        verify(issuer, crl);
        Rfc5280.require(crl, issuer.certificate(), previousNumber);
        return crl;
    }

    /** Bouncy Castle formats each Time through a new SimpleDateFormat: entries revoked in the same second share one. */
    private static void addEntries(V2TBSCertListGenerator tbs, Iterable<RevokedEntry> entries) throws IOException {
        Map<Long, Time> times = new HashMap<>();
        for (RevokedEntry entry : entries) {
            Time revoked = times.computeIfAbsent(entry.revocation().revokedAt().getEpochSecond(),
                    second -> new Time(Date.from(Instant.ofEpochSecond(second))));
            tbs.addCRLEntry(new ASN1Integer(entry.serial().value()), revoked, entryExtensions(entry));
        }
    }

    /** The CRL as X509v2CRLBuilder assembles it: the TBS list, its signature algorithm and the signature over its DER. */
    private static X509CRLHolder signed(TBSCertList tbs, ContentSigner signer) throws IOException {
        try (OutputStream out = signer.getOutputStream()) {
            tbs.encodeTo(out, ASN1Encoding.DER);
        }
        return new X509CRLHolder(CertificateList.getInstance(
                new DERSequence(new ASN1Encodable[] {tbs, signer.getAlgorithmIdentifier(), new DERBitString(signer.getSignature())})));
    }

    /**
     * The entry's extensions. Entries without an invalidity date share one immutable object per reason: a CRL of a
     * million entries would otherwise hold a million copies of five values.
     */
    private static org.bouncycastle.asn1.x509.Extensions entryExtensions(RevokedEntry entry) throws IOException {
        RevocationReason reason = entry.revocation().reason();
        if (entry.revocation().invalidityDate().isEmpty()) {
            return REASON_ONLY.get(reason);
        }
        ExtensionsGenerator generator = new ExtensionsGenerator();
        if (reason != RevocationReason.UNSPECIFIED) {
            generator.addExtension(Extension.reasonCode, false, CRLReason.lookup(reason.code()));
        }
        Instant invalidity = entry.revocation().invalidityDate().get().truncatedTo(ChronoUnit.SECONDS);
        generator.addExtension(Extension.invalidityDate, false, new ASN1GeneralizedTime(Date.from(invalidity)));
        return generator.generate();
    }

    private static Map<RevocationReason, org.bouncycastle.asn1.x509.Extensions> reasonOnly() {
        Map<RevocationReason, org.bouncycastle.asn1.x509.Extensions> extensions = new EnumMap<>(RevocationReason.class);
        try {
            for (RevocationReason reason : RevocationReason.values()) {
                if (reason != RevocationReason.UNSPECIFIED) {
                    ExtensionsGenerator generator = new ExtensionsGenerator();
                    generator.addExtension(Extension.reasonCode, false, CRLReason.lookup(reason.code()));
                    extensions.put(reason, generator.generate());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return extensions;
    }

    private void verify(CertificateAuthority issuer, X509CRLHolder crl) {
        try {
            if (!crl.isSignatureValid(issuer.signer().verifier())) {
                throw new CaException(ErrorCode.SELF_CHECK_FAILED, null, CoreMessage.CRL_SIGNATURE_SELF_CHECK);
            }
        } catch (CertException e) {
            throw new CaException(ErrorCode.SELF_CHECK_FAILED, null, e, CoreMessage.CRL_SELF_CHECK);
        }
    }
}
