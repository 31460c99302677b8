package org.civicca.core.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.CertificationRequestInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.TestPki;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.pem.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsrParserTests {

    private final CsrParser parser = new CsrParser();

    @Test
    void acceptsPemAndKeepsTheExactDer() {
        KeyPair keys = TestPki.ecP256();
        PKCS10CertificationRequest request = TestPki.csr(keys);
        byte[] der = TestPki.der(request);

        ParsedCsr parsed = parser.parse(TestPki.pem("CERTIFICATE REQUEST", der));

        assertThat(parsed.keyAlgorithm()).isEqualTo(KeyAlgorithm.EC_P256);
        assertThat(parsed.der()).isEqualTo(der);
        assertThat(parsed.publicKey()).isEqualTo(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
    }

    @Test
    void acceptsTheLegacyNewCertificateRequestPemLabel() {
        byte[] der = TestPki.der(TestPki.csr(TestPki.ecP256()));

        assertThat(parser.parse(TestPki.pem("NEW CERTIFICATE REQUEST", der)).der()).isEqualTo(der);
    }

    @Test
    void acceptsBase64DerOnOneLineOrWrapped() {
        byte[] der = TestPki.der(TestPki.csr(TestPki.rsa2048()));

        ParsedCsr oneLine = parser.parse(Base64.getEncoder().encodeToString(der));
        ParsedCsr wrapped = parser.parse("\n" + Base64.getMimeEncoder().encodeToString(der) + "\r\n");

        assertThat(oneLine.keyAlgorithm()).isEqualTo(KeyAlgorithm.RSA_2048);
        assertThat(oneLine.der()).isEqualTo(der);
        assertThat(wrapped).isEqualTo(oneLine);
    }

    @Test
    void seesTheSameCsrInPemAndBase64() {
        byte[] der = TestPki.der(TestPki.csr(TestPki.ecP256()));

        assertThat(parser.parse(TestPki.pem("CERTIFICATE REQUEST", der)))
                .isEqualTo(parser.parse(Base64.getEncoder().encodeToString(der)));
    }

    @Test
    void acceptsEd25519() {
        ParsedCsr parsed = parser.parse(TestPki.csrPem(TestPki.ed25519()));

        assertThat(parsed.keyAlgorithm()).isEqualTo(KeyAlgorithm.ED25519);
    }

    @Test
    void acceptsEcP384SignedWithSha384() {
        ParsedCsr parsed = parser.parse(TestPki.pem("CERTIFICATE REQUEST",
                TestPki.der(TestPki.csr(TestPki.keyPair(KeyAlgorithm.EC_P384), "SHA384withECDSA"))));

        assertThat(parsed.keyAlgorithm()).isEqualTo(KeyAlgorithm.EC_P384);
    }

    @Test
    void acceptsRsaPssWithSha256() {
        ParsedCsr parsed = parser.parse(TestPki.pem("CERTIFICATE REQUEST",
                TestPki.der(TestPki.csr(TestPki.rsa2048(), "SHA256withRSAandMGF1"))));

        assertThat(parsed.keyAlgorithm()).isEqualTo(KeyAlgorithm.RSA_2048);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void refusesAnEmptyCsrAsAMissingField(String text) {
        assertRefused(() -> parser.parse(text), ErrorCode.INVALID_FIELD, "csr is required");
    }

    @Test
    void refusesNullAsAMissingField() {
        assertRefused(() -> parser.parse(null), ErrorCode.INVALID_FIELD, "csr is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"this is not a certificate request", "%%%% not base64 at all %%%%", "AAAA", "MIIB"})
    void refusesTextThatIsNeitherPemNorDer(String text) {
        assertRefused(() -> parser.parse(text), ErrorCode.BAD_CSR, "csr");
    }

    @Test
    void refusesPemWhoseBodyIsGarbage() {
        String pem = "-----BEGIN CERTIFICATE REQUEST-----\n!!!! not base64 !!!!\n-----END CERTIFICATE REQUEST-----\n";

        assertRefused(() -> parser.parse(pem), ErrorCode.BAD_CSR, "csr");
    }

    @Test
    void refusesPemWithoutItsEndLine() {
        String pem = TestPki.csrPem(TestPki.ecP256());
        String truncated = pem.substring(0, pem.indexOf("-----END"));

        assertRefused(() -> parser.parse(truncated), ErrorCode.BAD_CSR, "csr PEM");
    }

    @Test
    void refusesPemOfAnotherType() {
        String certificate = Pem.certificate(TestPki.hierarchy().issuing().certificate());

        assertRefused(() -> parser.parse(certificate), ErrorCode.BAD_CSR, "found CERTIFICATE");
    }

    @Test
    void refusesACertificateGivenAsBase64Der() throws Exception {
        String certificate = Base64.getEncoder().encodeToString(TestPki.hierarchy().issuing().certificate().getEncoded());

        assertRefused(() -> parser.parse(certificate), ErrorCode.BAD_CSR, "PKCS#10");
    }

    @Test
    void refusesTruncatedDer() {
        byte[] der = TestPki.der(TestPki.csr(TestPki.ecP256()));
        byte[] truncated = Arrays.copyOf(der, der.length - 10);

        assertRefused(() -> parser.parse(Base64.getEncoder().encodeToString(truncated)), ErrorCode.BAD_CSR, "csr");
        assertRefused(() -> parser.parse(TestPki.pem("CERTIFICATE REQUEST", truncated)), ErrorCode.BAD_CSR, "csr");
    }

    @Test
    void refusesTrailingGarbageAfterTheDer() {
        byte[] der = TestPki.der(TestPki.csr(TestPki.ecP256()));
        byte[] padded = Arrays.copyOf(der, der.length + 4);
        padded[der.length] = 0x05;

        assertRefused(() -> parser.parse(Base64.getEncoder().encodeToString(padded)), ErrorCode.BAD_CSR, "csr");
        assertRefused(() -> parser.parse(TestPki.pem("CERTIFICATE REQUEST", padded)), ErrorCode.BAD_CSR, "csr");
    }

    @Test
    void refusesANonMinimalLengthEncoding() {
        byte[] der = TestPki.der(TestPki.csr(TestPki.ecP256()));
        assertThat(der[1]).as("short EC CSR uses a one-byte long-form length").isEqualTo((byte) 0x81);
        byte[] ber = new byte[der.length + 1];
        ber[0] = 0x30;
        ber[1] = (byte) 0x82;
        ber[2] = 0x00;
        System.arraycopy(der, 2, ber, 3, der.length - 2);

        assertRefused(() -> parser.parse(Base64.getEncoder().encodeToString(ber)), ErrorCode.BAD_CSR, "csr");
    }

    @Test
    void refusesACsrSignedByAnotherKey() {
        KeyPair subject = TestPki.ecP256();
        KeyPair other = TestPki.ecP256();
        String pem = TestPki.pem("CERTIFICATE REQUEST",
                TestPki.der(TestPki.csr(subject.getPublic(), other.getPrivate(), "SHA256withECDSA")));

        assertRefused(() -> parser.parse(pem), ErrorCode.CSR_SIGNATURE_INVALID, "proof of possession");
    }

    @Test
    void refusesACsrWhoseSignatureWasTamperedWith() {
        byte[] der = TestPki.der(TestPki.csr(TestPki.ed25519()));
        der[der.length - 1] ^= 0x01;

        assertRefused(() -> parser.parse(Base64.getEncoder().encodeToString(der)), ErrorCode.CSR_SIGNATURE_INVALID, "csr");
    }

    @Test
    void refusesRsa1024AsWeak() {
        KeyPair keys = TestPki.rsaKeyPair(1024, RSAKeyGenParameterSpec.F4);

        assertRefused(() -> parser.parse(TestPki.csrPem(keys)), ErrorCode.WEAK_KEY, "1024 bits");
    }

    @Test
    void refusesRsaExponentThreeAsWeak() {
        KeyPair keys = TestPki.rsaKeyPair(2048, BigInteger.valueOf(3));

        assertRefused(() -> parser.parse(TestPki.csrPem(keys)), ErrorCode.WEAK_KEY, "exponent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp192r1", "secp256k1", "secp521r1", "brainpoolP256r1"})
    void refusesCurvesOtherThanP256AndP384(String curve) {
        KeyPair keys = TestPki.ecKeyPair(curve);

        assertRefused(() -> parser.parse(TestPki.csrPem(keys)), ErrorCode.UNSUPPORTED_KEY, "curve");
    }

    @Test
    void refusesSha1SignaturesAsAgainstPolicy() {
        String pem = TestPki.pem("CERTIFICATE REQUEST", TestPki.der(TestPki.csr(TestPki.rsa2048(), "SHA1withRSA")));

        assertRefused(() -> parser.parse(pem), ErrorCode.POLICY_VIOLATION, "1.2.840.113549.1.1.5 is not accepted");
    }

    @Test
    void refusesEcdsaWithSha1() {
        String pem = TestPki.pem("CERTIFICATE REQUEST", TestPki.der(TestPki.csr(TestPki.ecP256(), "SHA1withECDSA")));

        assertRefused(() -> parser.parse(pem), ErrorCode.POLICY_VIOLATION, "not accepted");
    }

    @Test
    void refusesInputLongerThanTheLimitBeforeDecodingIt() {
        String pem = TestPki.csrPem(TestPki.ecP256());
        String oversized = pem + " ".repeat(CsrParser.MAX_CSR_CHARS - pem.length() + 1);
        assertThat(oversized).hasSize(CsrParser.MAX_CSR_CHARS + 1);

        assertRefused(() -> parser.parse(oversized), ErrorCode.BAD_CSR, "longer than " + CsrParser.MAX_CSR_CHARS);
    }

    @Test
    void acceptsInputRightAtTheLimit() {
        String pem = TestPki.csrPem(TestPki.ecP256());
        String padded = pem + "\n".repeat(CsrParser.MAX_CSR_CHARS - pem.length());
        assertThat(padded).hasSize(CsrParser.MAX_CSR_CHARS);

        assertThat(parser.parse(padded).keyAlgorithm()).isEqualTo(KeyAlgorithm.EC_P256);
    }

    @Test
    void neverEchoesTheForeignPemLabelRaw() {
        String pem = TestPki.pem("PRIVATE KEY\u202E", new byte[] {1, 2, 3});

        assertThatThrownBy(() -> parser.parse(pem))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_CSR);
                    assertThat(e.getMessage()).doesNotContain("\u202E").contains("\\u202E");
                });
    }

    @Test
    void refusesRsaPssWhoseHashIsSha1() {
        String pem = TestPki.pem("CERTIFICATE REQUEST", TestPki.der(TestPki.csr(TestPki.rsa2048(), "SHA1withRSAandMGF1")));

        assertRefused(() -> parser.parse(pem), ErrorCode.POLICY_VIOLATION, "not accepted");
    }

    @Test
    void refusesAnEcKeyThatNamesNoCurve() {
        SubjectPublicKeyInfo named = TestPki.csr(TestPki.ecP256()).getSubjectPublicKeyInfo();
        SubjectPublicKeyInfo bare = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey),
                named.getPublicKeyData().getBytes());

        assertRefused(() -> parser.parse(unsignedCsrPem(bare)), ErrorCode.UNSUPPORTED_KEY, "must name their curve");
    }

    @Test
    void refusesAKeyWhoseBitStringHasPadBits() {
        SubjectPublicKeyInfo padded = new SubjectPublicKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                new DERBitString(new byte[32], 1));

        assertRefused(() -> parser.parse(unsignedCsrPem(padded)), ErrorCode.BAD_CSR, "not validly encoded");
    }

    /** A structurally valid CSR around any key, with a signature that proves nothing: the key is judged first. */
    private static String unsignedCsrPem(SubjectPublicKeyInfo key) {
        CertificationRequest request = new CertificationRequest(new CertificationRequestInfo(new X500Name("CN=x"), key, new DERSet()),
                new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256), new DERBitString(new byte[8]));
        return TestPki.pem("CERTIFICATE REQUEST", TestPki.der(new PKCS10CertificationRequest(request)));
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code, String detail) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.field()).contains("csr");
                    assertThat(e.getMessage()).contains(detail);
                });
    }
}
