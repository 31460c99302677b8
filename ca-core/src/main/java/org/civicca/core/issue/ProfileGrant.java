package org.civicca.core.issue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.Extension;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.ca.CaUrls;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.csr.ParsedCsr;
import org.civicca.core.message.CoreMessage;
import org.civicca.core.profile.CertificateProfile;
import org.civicca.core.profile.KeyUsageBit;
import org.civicca.core.subject.Subject;

/**
 * The grant stage: the profile turns a checked request into what is allowed. It refuses keys the profile does
 * not allow and validities beyond the profile's maximum or the issuer's own notAfter; a default validity that
 * would outlive the issuer is cut to the issuer's notAfter instead.
 */
public final class ProfileGrant {

    private final CaUrls urls;

    public ProfileGrant(CaUrls urls) {
        this.urls = urls;
    }

    public CertificateTemplate grant(CertificateProfile profile, CertificateAuthority issuer, ParsedCsr csr, Subject subject,
                                     Optional<Integer> validityDays, Instant now) {
        if (!profile.allowedKeys().contains(csr.keyAlgorithm())) {
            throw new CaException(ErrorCode.POLICY_VIOLATION, "csr", CoreMessage.PROFILE_KEY_NOT_ALLOWED, profile.name(),
                    csr.keyAlgorithm().label(), profile.allowedKeys().stream().map(k -> k.label()).sorted().toList());
        }
        Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS);
        if (notBefore.isBefore(issuer.notBefore()) || !notBefore.isBefore(issuer.notAfter())) {
            throw new CaException(ErrorCode.CA_UNAVAILABLE, null, CoreMessage.ISSUER_NOT_VALID_NOW, issuer.name(), issuer.notBefore(),
                    issuer.notAfter());
        }
        Instant notAfter = notAfter(profile, issuer, validityDays, notBefore);
        return new CertificateTemplate(subject.dn(), csr.publicKey(), notBefore, notAfter, extensions(profile, issuer, csr, subject));
    }

    private static Instant notAfter(CertificateProfile profile, CertificateAuthority issuer, Optional<Integer> validityDays, Instant notBefore) {
        if (validityDays.isPresent()) {
            int days = validityDays.get();
            if (days < 1 || days > profile.maxValidityDays()) {
                throw new CaException(ErrorCode.VALIDITY_NOT_ALLOWED, "validityDays", CoreMessage.VALIDITY_DAYS_RANGE,
                        profile.maxValidityDays(), profile.name());
            }
            Instant wanted = notBefore.plus(Duration.ofDays(days));
            if (wanted.isAfter(issuer.notAfter())) {
                throw new CaException(ErrorCode.VALIDITY_NOT_ALLOWED, "validityDays", CoreMessage.VALIDITY_OUTLIVES_ISSUER,
                        issuer.notAfter());
            }
            return wanted;
        }
        Instant wanted = notBefore.plus(Duration.ofDays(profile.defaultValidityDays()));
        return wanted.isAfter(issuer.notAfter()) ? issuer.notAfter() : wanted;
    }

    private List<Extension> extensions(CertificateProfile profile, CertificateAuthority issuer, ParsedCsr csr, Subject subject) {
        List<Extension> extensions = new ArrayList<>();
        extensions.add(Extensions.basicConstraints(false, null));
        extensions.add(Extensions.keyUsage(KeyUsageBit.toKeyUsage(profile.keyUsageFor(csr.keyAlgorithm()))));
        if (!profile.extendedKeyUsage().isEmpty()) {
            extensions.add(Extensions.extendedKeyUsage(profile.extendedKeyUsage()));
        }
        extensions.add(Extensions.subjectKeyIdentifier(csr.publicKey()));
        extensions.add(Extensions.authorityKeyIdentifier(issuer.certificate()));
        extensions.add(Extensions.crlDistributionPoint(urls.crl(issuer.name())));
        extensions.add(Extensions.caIssuers(urls.certificate(issuer.name())));
        if (!profile.policies().isEmpty()) {
            extensions.add(Extensions.certificatePolicies(profile.policies()));
        }
        subject.email().ifPresent(email -> extensions.add(Extensions.emailAltName(email)));
        return extensions;
    }
}
