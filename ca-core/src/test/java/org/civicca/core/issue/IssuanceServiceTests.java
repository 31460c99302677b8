package org.civicca.core.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.TestPki;
import org.civicca.core.ca.Authorities;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.profile.ExtendedKeyUsages;
import org.civicca.core.revoke.CertificateStatus;
import org.civicca.core.store.CertificateRecord;
import org.civicca.core.store.DuplicateRequestException;
import org.civicca.core.store.InMemoryAgencyDirectory;
import org.civicca.core.store.InMemoryCertificateStore;
import org.civicca.core.subject.SubjectFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class IssuanceServiceTests {

    private static final Instant NOT_BEFORE = TestPki.NOW.truncatedTo(ChronoUnit.SECONDS);

    private final TestPki.Hierarchy pki = TestPki.hierarchy();
    private final CertificateAuthority issuing = pki.issuing();
    private final InMemoryCertificateStore store = new InMemoryCertificateStore();
    private final IssuanceService service = service(store, TestPki.clock());

    // ---------------------------------------------------------------- the certificate

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "EC_P256", "EC_P384", "ED25519"})
    void issuesACertificateThatChainsToTheIssuingCaAndTheRoot(KeyAlgorithm key) throws Exception {
        KeyPair keys = TestPki.keyPair(key);
        X509Certificate leaf = TestPki.jcaCertificate(issue(personal(keys)).record().der());

        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        CertPath path = factory.generateCertPath(List.of(leaf, TestPki.jca(issuing.certificate())));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(TestPki.jca(pki.root().certificate()), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(TestPki.NOW.plus(Duration.ofDays(1))));

        PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX").validate(path, parameters);

        assertThat(result.getPublicKey().getEncoded()).isEqualTo(keys.getPublic().getEncoded());
        assertThat(result.getTrustAnchor().getTrustedCert()).isEqualTo(TestPki.jca(pki.root().certificate()));
    }

    @Test
    void failsPkixValidationAgainstAnotherRoot() throws Exception {
        X509Certificate leaf = TestPki.jcaCertificate(issue(personal(TestPki.ecP256())).record().der());
        TestPki.Hierarchy stranger = TestPki.newHierarchy(TestPki.NOW, 20, 10);

        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf, TestPki.jca(issuing.certificate())));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(TestPki.jca(stranger.root().certificate()), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(TestPki.NOW.plus(Duration.ofDays(1))));

        assertThatThrownBy(() -> CertPathValidator.getInstance("PKIX").validate(path, parameters))
                .isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void writesTheProfilesExtensionsWithTheirCriticality() throws Exception {
        X509CertificateHolder certificate = new X509CertificateHolder(issue(personal(TestPki.ecP256())).record().der());

        Set<ASN1ObjectIdentifier> critical = Set.copyOf(Arrays.asList(certificate.getExtensions().getCriticalExtensionOIDs()));
        Set<ASN1ObjectIdentifier> nonCritical = Set.copyOf(Arrays.asList(certificate.getExtensions().getNonCriticalExtensionOIDs()));
        assertThat(critical).containsExactlyInAnyOrder(Extension.basicConstraints, Extension.keyUsage);
        assertThat(nonCritical).containsExactlyInAnyOrder(Extension.extendedKeyUsage, Extension.subjectKeyIdentifier,
                Extension.authorityKeyIdentifier, Extension.cRLDistributionPoints, Extension.authorityInfoAccess,
                Extension.certificatePolicies, Extension.subjectAlternativeName);

        BasicConstraints basicConstraints = BasicConstraints.fromExtensions(certificate.getExtensions());
        assertThat(basicConstraints.isCA()).isFalse();
        assertThat(basicConstraints.getPathLenConstraint()).isNull();

        ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(certificate.getExtensions());
        assertThat(eku.getUsages()).containsExactly(KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_emailProtection,
                KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36")));

        CertificatePolicies policies = CertificatePolicies.fromExtensions(certificate.getExtensions());
        assertThat(Arrays.stream(policies.getPolicyInformation()).map(PolicyInformation::getPolicyIdentifier))
                .containsExactly(TestPki.PERSONAL_POLICY);
    }

    @Test
    void identifiesTheSubjectKeyAndTheIssuerKey() throws Exception {
        KeyPair keys = TestPki.ecP256();
        X509CertificateHolder certificate = new X509CertificateHolder(issue(personal(keys)).record().der());

        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(certificate.getExtensions());
        SubjectKeyIdentifier expected = new JcaX509ExtensionUtils()
                .createSubjectKeyIdentifier(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
        assertThat(ski.getKeyIdentifier()).isEqualTo(expected.getKeyIdentifier());

        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(certificate.getExtensions());
        byte[] issuerSki = SubjectKeyIdentifier.fromExtensions(issuing.certificate().getExtensions()).getKeyIdentifier();
        assertThat(aki.getKeyIdentifierObject().getOctets()).isEqualTo(issuerSki);
        assertThat(aki.getAuthorityCertIssuer()).isNull();
    }

    @Test
    void pointsToTheIssuingCasCrlAndCertificate() throws Exception {
        X509CertificateHolder certificate = new X509CertificateHolder(issue(personal(TestPki.ecP256())).record().der());

        DistributionPoint[] points = CRLDistPoint.fromExtensions(certificate.getExtensions()).getDistributionPoints();
        assertThat(points).hasSize(1);
        GeneralName[] crlNames = GeneralNames.getInstance(points[0].getDistributionPoint().getName()).getNames();
        assertThat(crlNames).extracting(GeneralName::getTagNo).containsExactly(GeneralName.uniformResourceIdentifier);
        assertThat(crlNames[0].getName().toString()).isEqualTo("http://ca.example.test/crl/vinhphuc-issuing.crl");

        AccessDescription[] access = AuthorityInformationAccess.fromExtensions(certificate.getExtensions()).getAccessDescriptions();
        assertThat(access).hasSize(1);
        assertThat(access[0].getAccessMethod()).isEqualTo(X509ObjectIdentifiers.id_ad_caIssuers);
        assertThat(access[0].getAccessLocation().getTagNo()).isEqualTo(GeneralName.uniformResourceIdentifier);
        assertThat(access[0].getAccessLocation().getName().toString()).isEqualTo("http://ca.example.test/ca/vinhphuc-issuing.crt");
    }

    @Test
    void putsTheEmailInTheSubjectAltNameAsRfc822Name() throws Exception {
        X509CertificateHolder certificate = new X509CertificateHolder(issue(personal(TestPki.ecP256())).record().der());

        GeneralName[] names = GeneralNames.fromExtensions(certificate.getExtensions(), Extension.subjectAlternativeName).getNames();

        assertThat(names).hasSize(1);
        assertThat(names[0].getTagNo()).isEqualTo(GeneralName.rfc822Name);
        assertThat(names[0].getName().toString()).isEqualTo("duy.pq@vinhphuc.gov.vn");
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "EC_P256", "ED25519"})
    void grantsKeyEnciphermentToRsaKeysOnly(KeyAlgorithm key) throws Exception {
        X509Certificate certificate = TestPki.jcaCertificate(issue(personal(TestPki.keyPair(key))).record().der());

        boolean[] usage = certificate.getKeyUsage();

        assertThat(usage[0]).as("digitalSignature").isTrue();
        assertThat(usage[1]).as("nonRepudiation").isTrue();
        assertThat(usage[2]).as("keyEncipherment").isEqualTo(key.isRsa());
        assertThat(usage[3]).as("dataEncipherment").isFalse();
        assertThat(usage[4]).as("keyAgreement").isFalse();
        assertThat(usage[5]).as("keyCertSign").isFalse();
        assertThat(usage[6]).as("cRLSign").isFalse();
    }

    @Test
    void grantsNoKeyEnciphermentWhenTheProfileHasNoRsaOnlyBits() throws Exception {
        X509CertificateHolder certificate = new X509CertificateHolder(issue(organization(TestPki.rsa2048())).record().der());

        KeyUsage usage = KeyUsage.fromExtensions(certificate.getExtensions());

        assertThat(usage.hasUsages(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)).isTrue();
        assertThat(usage.hasUsages(KeyUsage.keyEncipherment)).isFalse();
        assertThat(ExtendedKeyUsage.fromExtensions(certificate.getExtensions()).getUsages())
                .containsExactly(KeyPurposeId.id_kp_clientAuth, KeyPurposeId.getInstance(ExtendedKeyUsages.DOCUMENT_SIGNING));
    }

    @Test
    void certifiesTheCsrKeyUnderTheBuiltSubjectSignedByTheIssuingCa() throws Exception {
        KeyPair keys = TestPki.ecP256();
        CertificateRecord record = issue(personal(keys)).record();
        X509CertificateHolder certificate = new X509CertificateHolder(record.der());

        assertThat(certificate.getVersionNumber()).isEqualTo(3);
        assertThat(certificate.getIssuer()).isEqualTo(issuing.subject());
        assertThat(certificate.getSubject()).isEqualTo(TestPki.subjectBuilder()
                .build(TestPki.personalProfile().subject(), TestPki.person(), TestPki.agency()).dn());
        assertThat(certificate.getSubjectPublicKeyInfo()).isEqualTo(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
        assertThat(certificate.getSignatureAlgorithm().getAlgorithm()).isEqualTo(X9ObjectIdentifiers.ecdsa_with_SHA256);
        TestPki.jca(certificate).verify(TestPki.jca(issuing.certificate()).getPublicKey());
    }

    @Test
    void usesARandomPositiveSerialOfAtLeast64BitsAndAtMost20Octets() throws Exception {
        CertificateRecord first = issue(personal(TestPki.ecP256())).record();
        CertificateRecord second = issue(personal(TestPki.ecP256())).record();

        for (CertificateRecord record : List.of(first, second)) {
            BigInteger serial = new X509CertificateHolder(record.der()).getSerialNumber();
            assertThat(serial).isEqualTo(record.serial().value());
            assertThat(serial.signum()).isPositive();
            assertThat(serial.bitLength()).isGreaterThanOrEqualTo(64);
            assertThat(serial.toByteArray()).hasSizeLessThanOrEqualTo(20);
        }
        assertThat(first.serial()).isNotEqualTo(second.serial());
    }

    @Test
    void storesWhatItIssued() throws Exception {
        IssuanceService.Issued issued = issue(request(Optional.of("VP-2026-00001"), "personal", TestPki.person(),
                TestPki.csrPem(TestPki.ecP256()), Optional.empty()));
        CertificateRecord record = issued.record();

        assertThat(issued.created()).isTrue();
        assertThat(store.findBySerial(record.serial())).contains(record);
        assertThat(store.findByRequestId("VP-2026-00001")).contains(record);
        assertThat(record.issuer()).isEqualTo(TestPki.ISSUING);
        assertThat(record.profile()).isEqualTo("personal");
        assertThat(record.agency()).isEqualTo("so-vhttdl");
        assertThat(record.requestId()).contains("VP-2026-00001");
        assertThat(record.commonName()).isEqualTo("Phạm Quang Duy");
        assertThat(record.email()).contains("duy.pq@vinhphuc.gov.vn");
        assertThat(record.subjectDn()).isEqualTo("UID=CCCD:026090001234,CN=Phạm Quang Duy,"
                + "O=Sở Văn hóa\\, Thể thao và Du lịch,L=Vĩnh Yên,ST=Vĩnh Phúc,C=VN");
        assertThat(record.status()).isEqualTo(CertificateStatus.ISSUED);
        assertThat(record.revocation()).isEmpty();
        assertThat(record.createdAt()).isEqualTo(TestPki.NOW);
        assertThat(record.notBefore()).isEqualTo(NOT_BEFORE);
        assertThat(record.der()).isEqualTo(new X509CertificateHolder(record.der()).getEncoded());
    }

    // ---------------------------------------------------------------- validity

    @Test
    void givesTheProfileDefaultValidityFromTheCurrentWholeSecond() throws Exception {
        X509CertificateHolder certificate = new X509CertificateHolder(issue(personal(TestPki.ecP256())).record().der());

        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(NOT_BEFORE);
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(NOT_BEFORE.plus(Duration.ofDays(730)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 365, 1095})
    void honoursAnExplicitValidityUpToTheProfileMaximum(int days) {
        CertificateRecord record = issue(request(Optional.empty(), "personal", TestPki.person(),
                TestPki.csrPem(TestPki.ecP256()), Optional.of(days))).record();

        assertThat(record.notAfter()).isEqualTo(NOT_BEFORE.plus(Duration.ofDays(days)));
    }

    @Test
    void letsTheOrganizationProfileIssueForFiveYears() {
        CertificateRecord record = issue(request(Optional.empty(), "organization", TestPki.organization(),
                TestPki.csrPem(TestPki.ecP256()), Optional.of(1825))).record();

        assertThat(record.notAfter()).isEqualTo(NOT_BEFORE.plus(Duration.ofDays(1825)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1096, 1825, 0, -1, Integer.MAX_VALUE})
    void refusesAValidityOutsideTheProfileRange(int days) {
        IssuanceRequest request = request(Optional.empty(), "personal", TestPki.person(), TestPki.csrPem(TestPki.ecP256()),
                Optional.of(days));

        assertRefused(request, ErrorCode.VALIDITY_NOT_ALLOWED, "validityDays", "1 to 1095");
        assertThat(store.size()).isZero();
    }

    @Test
    void cutsTheDefaultValidityToTheIssuersNotAfter() {
        Instant late = issuing.notAfter().minus(Duration.ofDays(100));
        IssuanceService lateService = service(store, TestPki.clockAt(late));

        CertificateRecord record = lateService.issue(personal(TestPki.ecP256())).record();

        assertThat(record.notBefore()).isEqualTo(late);
        assertThat(record.notAfter()).isEqualTo(issuing.notAfter());
    }

    @Test
    void allowsAnExplicitValidityEndingExactlyWhenTheIssuerEnds() {
        Instant late = issuing.notAfter().minus(Duration.ofDays(100));
        IssuanceService lateService = service(store, TestPki.clockAt(late));

        CertificateRecord record = lateService.issue(request(Optional.empty(), "personal", TestPki.person(),
                TestPki.csrPem(TestPki.ecP256()), Optional.of(100))).record();

        assertThat(record.notAfter()).isEqualTo(issuing.notAfter());
    }

    @Test
    void refusesAnExplicitValidityThatOutlivesTheIssuer() {
        Instant late = issuing.notAfter().minus(Duration.ofDays(100));
        IssuanceService lateService = service(store, TestPki.clockAt(late));
        IssuanceRequest request = request(Optional.empty(), "personal", TestPki.person(), TestPki.csrPem(TestPki.ecP256()),
                Optional.of(101));

        assertThatThrownBy(() -> lateService.issue(request))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDITY_NOT_ALLOWED);
                    assertThat(e.field()).contains("validityDays");
                    assertThat(e.getMessage()).contains("outlive the issuing CA");
                });
        assertThat(store.size()).isZero();
    }

    // ---------------------------------------------------------------- what the profile allows

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "ED25519"})
    void refusesAKeyTheProfileDoesNotAllow(KeyAlgorithm key) {
        IssuanceRequest request = request(Optional.empty(), "ec-only", TestPki.person(), TestPki.csrPem(TestPki.keyPair(key)),
                Optional.empty());

        assertRefused(request, ErrorCode.POLICY_VIOLATION, "csr", "does not allow " + key.label());
        assertThat(store.size()).isZero();
    }

    @Test
    void refusesAnUnknownProfile() {
        IssuanceRequest request = request(Optional.empty(), "server", TestPki.person(), TestPki.csrPem(TestPki.ecP256()),
                Optional.empty());

        assertRefused(request, ErrorCode.UNKNOWN_PROFILE, "profile", "ec-only, organization, personal");
    }

    @Test
    void refusesAMissingProfile() {
        assertRefused(request(Optional.empty(), null, TestPki.person(), TestPki.csrPem(TestPki.ecP256()), Optional.empty()),
                ErrorCode.UNKNOWN_PROFILE, "profile", "profile must be one of");
    }

    @ParameterizedTest
    @ValueSource(strings = {"so-khong-co", "SO-VHTTDL", "so-vhttdl ", ""})
    void refusesAnUnknownAgency(String agency) {
        IssuanceRequest request = new IssuanceRequest(Optional.empty(), "personal", agency, TestPki.person(),
                TestPki.csrPem(TestPki.ecP256()), Optional.empty());

        assertRefused(request, ErrorCode.UNKNOWN_AGENCY, "agency", "not a known agency code");
    }

    @Test
    void refusesAMissingOrOverlongAgencyCodeWithoutLookingItUp() {
        IssuanceService strict = new IssuanceService(TestPki.profiles(), code -> {
            throw new AssertionError("looked up " + code);
        }, pki.authorities(), TestPki.pipeline(), store, TestPki.clock());

        for (String agency : new String[] {null, "a".repeat(65)}) {
            IssuanceRequest request = new IssuanceRequest(Optional.empty(), "personal", agency, TestPki.person(),
                    TestPki.csrPem(TestPki.ecP256()), Optional.empty());
            assertThatThrownBy(() -> strict.issue(request))
                    .isInstanceOfSatisfying(CaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_AGENCY));
        }
    }

    @Test
    void refusesWhenTheProfilesIssuerIsNotLoaded() {
        IssuanceService rootOnly = new IssuanceService(TestPki.profiles(), new InMemoryAgencyDirectory(TestPki.agency()),
                new Authorities(List.of(pki.root())), TestPki.pipeline(), store, TestPki.clock());

        assertThatThrownBy(() -> rootOnly.issue(personal(TestPki.ecP256())))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_CA);
                    assertThat(e.field()).contains("ca");
                });
        assertThat(store.size()).isZero();
    }

    @Test
    void refusesAnInvalidSubjectBeforeLookingAtTheCsr() {
        SubjectFields bad = new SubjectFields("Phạm Quang Duy,O=Bộ Công an", "duy.pq@vinhphuc.gov.vn", "026090001234", null, null, null);

        assertRefused(request(Optional.empty(), "personal", bad, "not a csr", Optional.empty()),
                ErrorCode.INVALID_FIELD, "subject.commonName", "must not contain");
    }

    @Test
    void refusesABadCsr() {
        assertRefused(request(Optional.empty(), "personal", TestPki.person(), "not a csr", Optional.empty()),
                ErrorCode.BAD_CSR, "csr", "csr");
    }

    // ---------------------------------------------------------------- at most once per requestId

    @Test
    void returnsTheSameCertificateForARetryOfTheSameRequest() {
        IssuanceRequest request = request(Optional.of("VP-2026-00042"), "personal", TestPki.person(),
                TestPki.csrPem(TestPki.ecP256()), Optional.of(365));

        IssuanceService.Issued first = service.issue(request);
        IssuanceService.Issued retry = service.issue(request);

        assertThat(first.created()).isTrue();
        assertThat(retry.created()).isFalse();
        assertThat(retry.record().serial()).isEqualTo(first.record().serial());
        assertThat(retry.record().der()).isEqualTo(first.record().der());
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void recognizesARetryThatReencodesTheCsrAndTheName() throws Exception {
        KeyPair keys = TestPki.ecP256();
        byte[] csr = TestPki.der(TestPki.csr(keys));
        IssuanceService.Issued first = service.issue(request(Optional.of("VP-2026-00043"), "personal", TestPki.person(),
                TestPki.pem("CERTIFICATE REQUEST", csr), Optional.empty()));

        SubjectFields decomposed = new SubjectFields(Normalizer.normalize("Phạm Quang Duy", Normalizer.Form.NFD),
                "duy.pq@VINHPHUC.gov.vn", " 026090001234", null, "", null);
        IssuanceService.Issued retry = service.issue(request(Optional.of("VP-2026-00043"), "personal", decomposed,
                Base64.getEncoder().encodeToString(csr), Optional.empty()));

        assertThat(retry.created()).isFalse();
        assertThat(retry.record().serial()).isEqualTo(first.record().serial());
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void refusesTheSameRequestIdForADifferentRequest() {
        KeyPair keys = TestPki.ecP256();
        String csr = TestPki.csrPem(keys);
        service.issue(request(Optional.of("VP-2026-00044"), "personal", TestPki.person(), csr, Optional.empty()));

        SubjectFields otherEmail = new SubjectFields("Phạm Quang Duy", "duy@vinhphuc.gov.vn", "026090001234", null, null, null);
        List<IssuanceRequest> different = List.of(
                request(Optional.of("VP-2026-00044"), "personal", otherEmail, csr, Optional.empty()),
                request(Optional.of("VP-2026-00044"), "personal", TestPki.person(), csr, Optional.of(730)),
                request(Optional.of("VP-2026-00044"), "personal", TestPki.person(), TestPki.csrPem(TestPki.ecP256()), Optional.empty()),
                request(Optional.of("VP-2026-00044"), "ec-only", TestPki.person(), csr, Optional.empty()));

        for (IssuanceRequest request : different) {
            assertRefused(request, ErrorCode.REQUEST_ID_CONFLICT, "requestId", "different request");
        }
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void issuesAgainForEachRequestWithoutRequestId() {
        IssuanceRequest request = personal(TestPki.ecP256());

        IssuanceService.Issued first = service.issue(request);
        IssuanceService.Issued second = service.issue(request);

        assertThat(second.created()).isTrue();
        assertThat(second.record().serial()).isNotEqualTo(first.record().serial());
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void treatsABlankRequestIdAsAbsent() {
        IssuanceRequest request = request(Optional.of("  "), "personal", TestPki.person(), TestPki.csrPem(TestPki.ecP256()),
                Optional.empty());

        assertThat(request.requestId()).isEmpty();
        assertThat(service.issue(request).record().requestId()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"VP 2026", "-VP-2026", "VP/2026", "VP\t2026", "Đơn-2026"})
    void refusesAMalformedRequestIdBeforeAnythingElse(String requestId) {
        assertThatThrownBy(() -> request(Optional.of(requestId), "personal", TestPki.person(), "not a csr", Optional.empty()))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.field()).contains("requestId");
                });
    }

    @Test
    void letsTheCallerRetryWhenAConcurrentTwinWonTheRace() {
        RaceLosingStore racy = new RaceLosingStore();
        IssuanceService racing = service(racy, TestPki.clock());
        IssuanceRequest request = request(Optional.of("VP-2026-00045"), "personal", TestPki.person(),
                TestPki.csrPem(TestPki.ecP256()), Optional.empty());
        IssuanceService.Issued twin = racing.issue(request);
        racy.hideNextLookup = true;

        assertThatThrownBy(() -> racing.issue(request)).isInstanceOf(DuplicateRequestException.class);
        IssuanceService.Issued retried = racing.issue(request);

        assertThat(retried.created()).isFalse();
        assertThat(retried.record().serial()).isEqualTo(twin.record().serial());
        assertThat(racy.size()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- helpers

    /** A store whose next requestId lookup misses, as when a concurrent transaction has not committed yet. */
    private static final class RaceLosingStore extends InMemoryCertificateStore {
        boolean hideNextLookup;

        @Override
        public synchronized Optional<CertificateRecord> findByRequestId(String requestId) {
            if (hideNextLookup) {
                hideNextLookup = false;
                return Optional.empty();
            }
            return super.findByRequestId(requestId);
        }
    }

    private IssuanceService service(InMemoryCertificateStore certificates, Clock clock) {
        return new IssuanceService(TestPki.profiles(), new InMemoryAgencyDirectory(TestPki.agency()), pki.authorities(),
                TestPki.pipeline(), certificates, clock);
    }

    private IssuanceService.Issued issue(IssuanceRequest request) {
        return service.issue(request);
    }

    private static IssuanceRequest personal(KeyPair keys) {
        return request(Optional.empty(), "personal", TestPki.person(), TestPki.csrPem(keys), Optional.empty());
    }

    private static IssuanceRequest organization(KeyPair keys) {
        return request(Optional.empty(), "organization", TestPki.organization(), TestPki.csrPem(keys), Optional.empty());
    }

    private static IssuanceRequest request(Optional<String> requestId, String profile, SubjectFields subject, String csr,
                                           Optional<Integer> validityDays) {
        return new IssuanceRequest(requestId, profile, "so-vhttdl", subject, csr, validityDays);
    }

    private void assertRefused(IssuanceRequest request, ErrorCode code, String field, String detail) {
        assertThatThrownBy(() -> service.issue(request))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.field()).contains(field);
                    assertThat(e.getMessage()).contains(detail);
                });
    }
}
