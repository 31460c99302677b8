package org.civicca.core.issue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.civicca.core.CaException;
import org.civicca.core.EncodedTime;
import org.civicca.core.ErrorCode;
import org.civicca.core.agency.Agency;
import org.civicca.core.ca.Authorities;
import org.civicca.core.message.CoreMessage;
import org.civicca.core.profile.CertificateProfile;
import org.civicca.core.profile.ProfileRegistry;
import org.civicca.core.revoke.CertificateStatus;
import org.civicca.core.store.AgencyDirectory;
import org.civicca.core.store.CertificateRecord;
import org.civicca.core.store.CertificateStore;
import org.civicca.core.subject.DistinguishedNames;

/**
 * Issues a certificate for a request, at most once per requestId: a request whose requestId already holds a
 * certificate gets that certificate back when it asks for the same thing, and a conflict otherwise. The caller
 * runs {@link #issue} in a transaction; when {@link org.civicca.core.store.DuplicateRequestException} shows that a
 * concurrent twin won the race, the caller calls {@link #issue} again in a fresh transaction and gets the twin's.
 * A caller that stores certificates in groups calls {@link #prepare} and stores what it created itself.
 */
public final class IssuanceService {

    private final ProfileRegistry profiles;
    private final AgencyDirectory agencies;
    private final Authorities authorities;
    private final IssuancePipeline pipeline;
    private final CertificateStore store;
    private final Clock clock;

    public IssuanceService(ProfileRegistry profiles, AgencyDirectory agencies, Authorities authorities, IssuancePipeline pipeline,
                           CertificateStore store, Clock clock) {
        this.profiles = profiles;
        this.agencies = agencies;
        this.authorities = authorities;
        this.pipeline = pipeline;
        this.store = store;
        this.clock = clock;
    }

    /** Every check issuance makes, without signing or storing: what a request waiting for approval must pass first. */
    public IssuancePipeline.Checked check(IssuanceRequest request) {
        CertificateProfile profile = profiles.get(request.profile());
        Agency agency = Optional.ofNullable(request.agency()).filter(code -> code.length() <= 64).flatMap(agencies::find)
                .orElseThrow(() -> new CaException(ErrorCode.UNKNOWN_AGENCY, "agency", CoreMessage.UNKNOWN_AGENCY_CODE));
        return pipeline.check(request, profile, agency);
    }

    public Issued issue(IssuanceRequest request) {
        Issued issued = prepare(request);
        if (issued.created()) {
            store.insert(issued.record());
        }
        return issued;
    }

    /**
     * Everything {@link #issue} does but the insert: the certificate already stored for this requestId, or a new,
     * signed and self-checked one ({@code created}) that the caller must store before handing it out.
     */
    public Issued prepare(IssuanceRequest request) {
        IssuancePipeline.Checked checked = check(request);
        CertificateProfile profile = checked.profile();
        Optional<CertificateRecord> existing = request.requestId().flatMap(store::findByRequestId);
        if (existing.isPresent()) {
            if (!existing.get().requestFingerprint().equals(checked.fingerprint())) {
                throw new CaException(ErrorCode.REQUEST_ID_CONFLICT, "requestId", CoreMessage.REQUEST_ID_REUSED);
            }
            return new Issued(existing.get(), false);
        }
        IssuancePipeline.Signed signed = pipeline.sign(checked, authorities.get(profile.issuer()), clock.instant());
        return new Issued(record(signed), true);
    }

    private CertificateRecord record(IssuancePipeline.Signed signed) {
        IssuancePipeline.Checked checked = signed.checked();
        TBSCertificate tbs = signed.certificate().toASN1Structure().getTBSCertificate();
        try {
            return new CertificateRecord(signed.serial(), checked.profile().issuer(), checked.profile().name(), checked.agency().code(),
                    checked.request().requestId(), checked.fingerprint(), DistinguishedNames.rfc4514(signed.certificate().getSubject()),
                    checked.subject().commonName(), checked.subject().email(), CertificateStatus.ISSUED,
                    EncodedTime.instant(tbs.getStartDate()), EncodedTime.instant(tbs.getEndDate()),
                    signed.certificate().getEncoded(), Optional.empty(), clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The certificate, and whether this call created it (false: an earlier call with the same requestId did). */
    public record Issued(CertificateRecord record, boolean created) {
    }
}
