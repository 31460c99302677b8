package org.civicca.core.crl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
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

    public X509CRLHolder build(CertificateAuthority issuer, Collection<RevokedEntry> entries, long number, Instant thisUpdate, Instant nextUpdate) {
        return build(issuer, entries, number, thisUpdate, nextUpdate, OptionalLong.empty());
    }

    /** {@code previousNumber}: the number of the CA's CRL before this one, which this one's must exceed. */
    public X509CRLHolder build(CertificateAuthority issuer, Collection<RevokedEntry> entries, long number, Instant thisUpdate, Instant nextUpdate,
                               OptionalLong previousNumber) {
        Instant from = thisUpdate.truncatedTo(ChronoUnit.SECONDS);
        Instant until = nextUpdate.truncatedTo(ChronoUnit.SECONDS);
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("nextUpdate must follow thisUpdate");
        }
        X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer.subject(), Date.from(from));
        builder.setNextUpdate(Date.from(until));
        try {
            for (RevokedEntry entry : entries) {
                builder.addCRLEntry(entry.serial().value(), Date.from(entry.revocation().revokedAt().truncatedTo(ChronoUnit.SECONDS)),
                        entryExtensions(entry));
            }
            builder.addExtension(Extensions.authorityKeyIdentifier(issuer.certificate()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        X509CRLHolder crl = builder.build(issuer.signer().contentSigner());
        verify(issuer, crl);
        Rfc5280.require(crl, issuer.certificate(), previousNumber);
        return crl;
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
