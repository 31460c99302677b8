package org.civicca.core.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.stream.Stream;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.Providers;
import org.civicca.core.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PublicKeyPolicyTests {

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void classifiesEveryKeyTypeTheCaGenerates(KeyAlgorithm algorithm) {
        PublicKey key = TestPki.keyPair(algorithm).getPublic();

        assertThat(PublicKeyPolicy.classify(spki(key))).isEqualTo(algorithm);
        assertThat(key.getAlgorithm()).isIn(algorithm.family(), "ECDSA");
    }

    static Stream<Arguments> rsaKeys() {
        return Stream.of(
                arguments(2048, 65537, KeyAlgorithm.RSA_2048),
                arguments(3072, 65537, KeyAlgorithm.RSA_3072),
                arguments(4096, 65537, KeyAlgorithm.RSA_4096),
                arguments(2048, 65539, KeyAlgorithm.RSA_2048),
                arguments(2048, (1L << 32) + 1, KeyAlgorithm.RSA_2048));
    }

    @ParameterizedTest(name = "RSA modulus of {0} bits, e={1} is {2}")
    @MethodSource("rsaKeys")
    void classifiesRsaBySizeOfTheModulus(int bits, long exponent, KeyAlgorithm expected) {
        assertThat(PublicKeyPolicy.classify(rsa(bits, BigInteger.valueOf(exponent)))).isEqualTo(expected);
    }

    static Stream<Arguments> refusedRsaKeys() {
        return Stream.of(
                arguments(1024, 65537, ErrorCode.WEAK_KEY, "1024 bits is too weak"),
                arguments(2047, 65537, ErrorCode.WEAK_KEY, "2047 bits is too weak"),
                arguments(2048, 3, ErrorCode.WEAK_KEY, "exponent"),
                arguments(2048, 65535, ErrorCode.WEAK_KEY, "exponent"),
                arguments(2048, 65538, ErrorCode.WEAK_KEY, "exponent"),
                arguments(2049, 65537, ErrorCode.UNSUPPORTED_KEY, "2049 bits is not supported"),
                arguments(2560, 65537, ErrorCode.UNSUPPORTED_KEY, "2560 bits is not supported"),
                arguments(8192, 65537, ErrorCode.UNSUPPORTED_KEY, "8192 bits is not supported"));
    }

    @ParameterizedTest(name = "RSA modulus of {0} bits, e={1}: {2}")
    @MethodSource("refusedRsaKeys")
    void refusesWeakOrUnusualRsaKeys(int bits, long exponent, ErrorCode code, String detail) {
        assertRefused(rsa(bits, BigInteger.valueOf(exponent)), code, detail);
    }

    @Test
    void refusesEcKeysWithExplicitCurveParameters() {
        X9ECParameters p256 = ECNamedCurveTable.getByName("secp256r1");
        SubjectPublicKeyInfo named = spki(TestPki.ecP256().getPublic());
        SubjectPublicKeyInfo explicit = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, new X962Parameters(p256)),
                named.getPublicKeyData().getBytes());

        assertRefused(explicit, ErrorCode.UNSUPPORTED_KEY, "explicit curve parameters");
    }

    @Test
    void refusesEcKeysWithImplicitCurve() {
        SubjectPublicKeyInfo named = spki(TestPki.ecP256().getPublic());
        SubjectPublicKeyInfo implicit = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, DERNull.INSTANCE), named.getPublicKeyData().getBytes());

        assertRefused(implicit, ErrorCode.UNSUPPORTED_KEY, "curve");
    }

    @Test
    void refusesAlgorithmsTheCaDoesNotSupport() throws Exception {
        KeyPairGenerator x25519 = KeyPairGenerator.getInstance("X25519", Providers.BC);
        KeyPairGenerator ed448 = KeyPairGenerator.getInstance("Ed448", Providers.BC);

        assertRefused(spki(x25519.generateKeyPair().getPublic()), ErrorCode.UNSUPPORTED_KEY, EdECObjectIdentifiers.id_X25519.getId());
        assertRefused(spki(ed448.generateKeyPair().getPublic()), ErrorCode.UNSUPPORTED_KEY, "supported: " + KeyAlgorithm.labels());
    }

    @Test
    void refusesAnEd25519KeyOfTheWrongLength() {
        SubjectPublicKeyInfo shortKey = new SubjectPublicKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), new byte[31]);

        assertRefused(shortKey, ErrorCode.BAD_CSR, "32 bytes");
    }

    @Test
    void refusesAnRsaKeyThatDoesNotDecode() {
        SubjectPublicKeyInfo garbage = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), new byte[] {1, 2, 3, 4});

        assertRefused(garbage, ErrorCode.BAD_CSR, "cannot be decoded");
    }

    /** An RSA public key with a modulus of exactly {@code bits} bits; the policy looks at sizes, not at primes. */
    private static SubjectPublicKeyInfo rsa(int bits, BigInteger exponent) {
        BigInteger modulus = BigInteger.ONE.shiftLeft(bits - 1).add(BigInteger.valueOf(0x1235));
        assertThat(modulus.bitLength()).isEqualTo(bits);
        try {
            return new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                    new RSAPublicKey(modulus, exponent));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SubjectPublicKeyInfo spki(PublicKey key) {
        return SubjectPublicKeyInfo.getInstance(key.getEncoded());
    }

    private static void assertRefused(SubjectPublicKeyInfo key, ErrorCode code, String detail) {
        assertThatThrownBy(() -> PublicKeyPolicy.classify(key))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.field()).contains("csr");
                    assertThat(e.getMessage()).contains(detail);
                });
    }
}
