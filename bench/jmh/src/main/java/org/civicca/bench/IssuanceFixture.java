package org.civicca.bench;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.civicca.core.agency.Agency;
import org.civicca.core.ca.CaCertificateFactory;
import org.civicca.core.ca.CaDefinition;
import org.civicca.core.ca.CaSubject;
import org.civicca.core.ca.CaUrls;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.csr.CsrParser;
import org.civicca.core.issue.CertificateSigner;
import org.civicca.core.issue.IssuancePipeline;
import org.civicca.core.issue.IssuanceRequest;
import org.civicca.core.issue.ProfileGrant;
import org.civicca.core.issue.TimeOrderedSerialNumberGenerator;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.profile.CertificateProfile;
import org.civicca.core.profile.ExtendedKeyUsages;
import org.civicca.core.profile.KeyUsageBit;
import org.civicca.core.sign.SignatureProviders;
import org.civicca.core.sign.SoftwareCaSigner;
import org.civicca.core.subject.FieldRule;
import org.civicca.core.subject.SubjectBuilder;
import org.civicca.core.subject.SubjectField;
import org.civicca.core.subject.SubjectFields;
import org.civicca.core.subject.SubjectTemplate;

/**
 * ca-core's issuance pipeline with a personal profile under an issuing CA (itself under a root) of one key type, as
 * the service runs it: the same profile, agency and subject fields for every request, a new CSR each time.
 */
final class IssuanceFixture {

    private static final CertificateProfile PROFILE = new CertificateProfile("personal", "bench-issuing", Set.of(KeyAlgorithm.values()),
            730, 1095, Set.of(KeyUsageBit.DIGITAL_SIGNATURE, KeyUsageBit.NON_REPUDIATION), Set.of(KeyUsageBit.KEY_ENCIPHERMENT),
            List.of(ExtendedKeyUsages.parse("clientAuth"), ExtendedKeyUsages.parse("emailProtection")), List.of(),
            new SubjectTemplate(Set.of(SubjectField.COMMON_NAME, SubjectField.EMAIL, SubjectField.NATIONAL_ID),
                    Set.of(SubjectField.TITLE, SubjectField.UNIT), FieldRule.PERSON_NAME));
    private static final Agency AGENCY = new Agency("so-tc", "Sở Tài chính", "2561744874", "Vĩnh Yên");
    private static final SubjectFields SUBJECT = new SubjectFields("Nguyễn Thị Ánh", "anh.so-tc@vinhphuc.gov.vn", "026199482708",
            "Chuyên viên", "Phòng Ngân sách", null);

    private final IssuancePipeline pipeline;
    private final CertificateAuthority issuing;

    IssuanceFixture(KeyAlgorithm key, SignatureProviders providers, SecureRandom random) {
        CaUrls urls = new CaUrls("http://ca.test");
        pipeline = new IssuancePipeline(new CsrParser(providers), new SubjectBuilder("VN", "Vĩnh Phúc"), new ProfileGrant(urls),
                new CertificateSigner(), new TimeOrderedSerialNumberGenerator(Clock.systemUTC(), random));
        Instant now = Instant.now();
        CaCertificateFactory factory = new CaCertificateFactory(new CertificateSigner(),
                new TimeOrderedSerialNumberGenerator(Clock.systemUTC(), random), urls);
        CertificateAuthority root = factory.createRoot(new CaDefinition("bench-root", name("Bench Root"), key, 20, Optional.empty(),
                Duration.ofDays(7)), signer(key, providers, random), now);
        issuing = factory.createSubordinate(new CaDefinition("bench-issuing", name("Bench Issuing"), key, 10,
                Optional.of("bench-root"), Duration.ofDays(1)), signer(key, providers, random), root, now);
    }

    /** CSR parse, proof of possession, subject, grant, build, sign and self-checks: one certificate, not stored. */
    IssuancePipeline.Signed issue(String csr) {
        IssuanceRequest request = new IssuanceRequest(Optional.empty(), "personal", "so-tc", SUBJECT, csr, Optional.empty());
        return pipeline.sign(pipeline.check(request, PROFILE, AGENCY), issuing, Instant.now());
    }

    /** A new CA key of this type, signing with the provider as the service's keystore would. */
    static SoftwareCaSigner signer(KeyAlgorithm key, SignatureProviders providers, SecureRandom random) {
        KeyPair keys = key.generate(random);
        return new SoftwareCaSigner(keys.getPrivate(), keys.getPublic(), key, random, providers);
    }

    private static X500Name name(String commonName) {
        return new CaSubject("VN", "Vĩnh Phúc", Optional.empty(), "Ủy ban nhân dân tỉnh Vĩnh Phúc", Optional.empty(), commonName)
                .toX500Name();
    }
}
