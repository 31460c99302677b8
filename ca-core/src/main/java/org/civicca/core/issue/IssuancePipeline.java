package org.civicca.core.issue;

import java.time.Instant;
import org.bouncycastle.cert.X509CertificateHolder;
import org.civicca.core.SerialNumber;
import org.civicca.core.agency.Agency;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.csr.CsrParser;
import org.civicca.core.csr.ParsedCsr;
import org.civicca.core.profile.CertificateProfile;
import org.civicca.core.subject.Subject;
import org.civicca.core.subject.SubjectBuilder;

/**
 * The stages a request passes, in order: verify the CSR (structure, key, proof of possession) → build the
 * subject from the structured fields → grant (the profile decides validity and extensions) → sign and self-check.
 * Storing is the caller's last stage. Each stage is a small class with typed input and output.
 */
public final class IssuancePipeline {

    private final CsrParser csrParser;
    private final SubjectBuilder subjectBuilder;
    private final ProfileGrant grant;
    private final CertificateSigner signer;
    private final SerialNumberGenerator serials;

    public IssuancePipeline(CsrParser csrParser, SubjectBuilder subjectBuilder, ProfileGrant grant, CertificateSigner signer,
                            SerialNumberGenerator serials) {
        this.csrParser = csrParser;
        this.subjectBuilder = subjectBuilder;
        this.grant = grant;
        this.signer = signer;
        this.serials = serials;
    }

    /** Checks the request without signing: what a refused request would be refused for, and its fingerprint. */
    public Checked check(IssuanceRequest request, CertificateProfile profile, Agency agency) {
        Subject subject = subjectBuilder.build(profile.subject(), request.subject(), agency);
        ParsedCsr csr = csrParser.parse(request.csr());
        String fingerprint = RequestFingerprint.of(profile.name(), agency.code(), subject.values(), request.validityDays(), csr);
        return new Checked(request, profile, agency, csr, subject, fingerprint);
    }

    public Signed sign(Checked checked, CertificateAuthority issuer, Instant now) {
        CertificateTemplate template = grant.grant(checked.profile(), issuer, checked.csr(), checked.subject(),
                checked.request().validityDays(), now);
        SerialNumber serial = serials.next();
        X509CertificateHolder certificate = signer.sign(issuer, serial, template);
        return new Signed(checked, serial, certificate);
    }

    /** A request that passed every check. */
    public record Checked(IssuanceRequest request, CertificateProfile profile, Agency agency, ParsedCsr csr, Subject subject,
                          String fingerprint) {
    }

    /** A signed certificate that is not yet stored. */
    public record Signed(Checked checked, SerialNumber serial, X509CertificateHolder certificate) {
    }
}
