package org.civicca.core.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.TestPki;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.csr.CsrParser;
import org.civicca.core.csr.ParsedCsr;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.profile.CertificateProfile;
import org.civicca.core.profile.KeyUsageBit;
import org.civicca.core.subject.Subject;
import org.civicca.core.subject.SubjectField;
import org.junit.jupiter.api.Test;

class ProfileGrantTests {

    private final ProfileGrant grant = new ProfileGrant(TestPki.URLS);
    private final CertificateAuthority issuing = TestPki.hierarchy().issuing();
    private final CertificateProfile personal = TestPki.personalProfile();
    private final ParsedCsr ecCsr = new CsrParser().parse(TestPki.csrPem(TestPki.ecP256()));
    private final Subject subject = TestPki.subjectBuilder().build(personal.subject(), TestPki.person(), TestPki.agency());

    @Test
    void startsAtTheWholeSecondAndRunsForTheDefault() {
        CertificateTemplate template = grant.grant(personal, issuing, ecCsr, subject, Optional.empty(), TestPki.NOW);

        assertThat(template.notBefore()).isEqualTo(Instant.parse("2026-03-02T08:30:15Z"));
        assertThat(template.notAfter()).isEqualTo(Instant.parse("2026-03-02T08:30:15Z").plus(Duration.ofDays(730)));
        assertThat(template.subject()).isEqualTo(subject.dn());
        assertThat(template.publicKey()).isEqualTo(ecCsr.publicKey());
    }

    @Test
    void leavesOutExtendedKeyUsageAndPoliciesWhenTheProfileHasNone() {
        CertificateProfile bare = new CertificateProfile("bare", TestPki.ISSUING, Set.of(KeyAlgorithm.EC_P256), 30, 60,
                Set.of(KeyUsageBit.DIGITAL_SIGNATURE), Set.of(), List.of(), List.of(), personal.subject());
        Subject noEmail = new Subject(subject.dn(), Map.of(SubjectField.COMMON_NAME, "Phạm Quang Duy"));

        CertificateTemplate template = grant.grant(bare, issuing, ecCsr, noEmail, Optional.empty(), TestPki.NOW);

        assertThat(template.extensions()).extracting(Extension::getExtnId).containsExactly(Extension.basicConstraints,
                Extension.keyUsage, Extension.subjectKeyIdentifier, Extension.authorityKeyIdentifier,
                Extension.cRLDistributionPoints, Extension.authorityInfoAccess);
        KeyUsage usage = KeyUsage.getInstance(template.extensions().get(1).getParsedValue());
        assertThat(usage).isEqualTo(new KeyUsage(KeyUsage.digitalSignature));
    }

    @Test
    void refusesAKeyOutsideTheProfileNamingTheAllowedOnes() {
        ParsedCsr ed25519 = new CsrParser().parse(TestPki.csrPem(TestPki.ed25519()));

        assertThatThrownBy(() -> grant.grant(TestPki.ecOnlyProfile(), issuing, ed25519, subject, Optional.empty(), TestPki.NOW))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.POLICY_VIOLATION);
                    assertThat(e.field()).contains("csr");
                    assertThat(e.getMessage()).contains("does not allow Ed25519").contains("[EC-P256, EC-P384]");
                });
    }

    @Test
    void checksTheKeyBeforeTheValidity() {
        ParsedCsr ed25519 = new CsrParser().parse(TestPki.csrPem(TestPki.ed25519()));

        assertThatThrownBy(() -> grant.grant(TestPki.ecOnlyProfile(), issuing, ed25519, subject, Optional.of(99999), TestPki.NOW))
                .isInstanceOfSatisfying(CaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.POLICY_VIOLATION));
    }

    @Test
    void refusesToIssueOnceTheIssuingCaHasExpired() {
        Instant afterExpiry = issuing.notAfter().plus(Duration.ofDays(1));

        assertThatThrownBy(() -> grant.grant(personal, issuing, ecCsr, subject, Optional.empty(), afterExpiry))
                .isInstanceOfSatisfying(CaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CA_UNAVAILABLE));
    }

    @Test
    void refusesToIssueBeforeTheIssuingCaIsValid() {
        Instant beforeCa = TestPki.NOW.minus(Duration.ofDays(30));

        assertThatThrownBy(() -> grant.grant(personal, issuing, ecCsr, subject, Optional.empty(), beforeCa))
                .isInstanceOfSatisfying(CaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CA_UNAVAILABLE));
    }
}
