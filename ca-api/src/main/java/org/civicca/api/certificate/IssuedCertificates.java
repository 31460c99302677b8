package org.civicca.api.certificate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicca.core.profile.CertificateProfile;
import org.civicca.core.profile.ProfileRegistry;
import org.civicca.core.store.CertificateRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts new certificates once committed, in {@code civicca.certificates.issued} tagged by issuing CA and profile. A
 * profile has one issuer, so there is one counter per profile, registered at start (every series exists from zero)
 * and looked up by name on the issuance path without allocating.
 */
@Component
class IssuedCertificates {

    private final Map<String, Counter> byProfile;

    IssuedCertificates(ProfileRegistry profiles, MeterRegistry meters) {
        this.byProfile = profiles.all().stream().collect(Collectors.toUnmodifiableMap(CertificateProfile::name, profile ->
                Counter.builder("civicca.certificates.issued").description("Certificates issued and committed")
                        .tag("ca", profile.issuer()).tag("profile", profile.name()).register(meters)));
    }

    /** A certificate whose commit has happened (the group commit completed its future). */
    void committed(CertificateRecord record) {
        byProfile.get(record.profile()).increment();
    }

    /** A certificate issued inside the caller's transaction: counted if and when that transaction commits. */
    void onCommit(CertificateRecord record) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed(record);
            }
        });
    }
}
