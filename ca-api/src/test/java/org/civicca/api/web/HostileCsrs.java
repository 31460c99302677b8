package org.civicca.api.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.BERSequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v1CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.civicca.api.TestCsrs;
import org.civicca.core.Providers;
import org.civicca.core.key.KeyAlgorithm;

/** CSRs (and things posing as CSRs) that a careless or hostile client might send, built with Bouncy Castle. */
final class HostileCsrs {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final X500Name NAME = new X500Name("CN=ignored by the CA");

    private HostileCsrs() {
    }

    static byte[] validDer() {
        return encoded(TestCsrs.csr(TestCsrs.keyPair(KeyAlgorithm.EC_P256), "SHA256withECDSA"));
    }

    static String base64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

    /** A PEM block of the wrong type: a (self-signed) CERTIFICATE where a CERTIFICATE REQUEST belongs. */
    static String certificatePem() {
        KeyPair keys = TestCsrs.keyPair(KeyAlgorithm.EC_P256);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509CertificateHolder certificate = new JcaX509v1CertificateBuilder(NAME, BigInteger.TEN, Date.from(now),
                Date.from(now.plus(1, ChronoUnit.DAYS)), NAME, keys.getPublic()).build(signer("SHA256withECDSA", keys));
        return TestCsrs.pem(certificate);
    }

    static String truncated() {
        byte[] der = validDer();
        return base64(Arrays.copyOf(der, der.length / 2));
    }

    static String trailingGarbage() {
        byte[] der = validDer();
        byte[] longer = Arrays.copyOf(der, der.length + 4);
        longer[der.length] = 0x05;
        longer[der.length + 1] = 0x00;
        longer[der.length + 2] = (byte) 0xde;
        longer[der.length + 3] = (byte) 0xad;
        return base64(longer);
    }

    /** The same request, BER-encoded with an indefinite-length outer SEQUENCE instead of DER. */
    static String berEncoded() {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(validDer());
            return base64(new BERSequence(sequence.toArray()).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PEM armour line with base64 but no END line. */
    static String pemWithoutEnd() {
        return "-----BEGIN CERTIFICATE REQUEST-----\n" + base64(validDer()) + "\n";
    }

    /** Proof of possession fails: the CSR carries one key and is signed by another. */
    static String signedByAnotherKey() {
        KeyPair carried = TestCsrs.keyPair(KeyAlgorithm.EC_P256);
        KeyPair signing = TestCsrs.keyPair(KeyAlgorithm.EC_P256);
        return TestCsrs.pem(new PKCS10CertificationRequestBuilder(NAME, SubjectPublicKeyInfo.getInstance(carried.getPublic().getEncoded()))
                .build(signer("SHA256withECDSA", signing)));
    }

    static String rsa(int bits, BigInteger exponent) {
        return signedWith(generate("RSA", new RSAKeyGenParameterSpec(bits, exponent)), "SHA256withRSA");
    }

    static String sha1WithRsa() {
        return signedWith(generate("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4)), "SHA1withRSA");
    }

    static String curve(String name) {
        return signedWith(generate("EC", new ECGenParameterSpec(name)), "SHA256withECDSA");
    }

    /** A P-256 key whose SubjectPublicKeyInfo spells out the curve parameters instead of naming the curve, self-signed. */
    static String explicitCurveParameters() {
        KeyPair keys = TestCsrs.keyPair(KeyAlgorithm.EC_P256);
        X9ECParameters p256 = ECNamedCurveTable.getByName("P-256");
        SubjectPublicKeyInfo named = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        SubjectPublicKeyInfo explicit = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, new X962Parameters(p256)), named.getPublicKeyData().getBytes());
        return TestCsrs.pem(new PKCS10CertificationRequestBuilder(NAME, explicit).build(signer("SHA256withECDSA", keys)));
    }

    /** A key of an algorithm nobody has heard of (a private-enterprise OID). */
    static String unknownKeyAlgorithm() {
        KeyPair keys = TestCsrs.keyPair(KeyAlgorithm.EC_P256);
        SubjectPublicKeyInfo unknown = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.42"), DERNull.INSTANCE), new byte[64]);
        return TestCsrs.pem(new PKCS10CertificationRequestBuilder(NAME, unknown).build(signer("SHA256withECDSA", keys)));
    }

    /** {@code depth} SEQUENCEs inside each other (definite lengths), base64, not wrapped. */
    static String nestedSequences(int depth) {
        long[] contentLength = new long[depth + 1];
        for (int level = 1; level <= depth; level++) {
            contentLength[level] = header(contentLength[level - 1]).length + contentLength[level - 1];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) (contentLength[depth] + 8));
        for (int level = depth; level >= 1; level--) {
            out.writeBytes(header(contentLength[level - 1]));
        }
        return base64(out.toByteArray());
    }

    private static byte[] header(long length) {
        if (length < 0x80) {
            return new byte[] {0x30, (byte) length};
        }
        if (length < 0x100) {
            return new byte[] {0x30, (byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {0x30, (byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {0x30, (byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }

    private static String signedWith(KeyPair keys, String algorithm) {
        return TestCsrs.pem(new PKCS10CertificationRequestBuilder(NAME, SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()))
                .build(signer(algorithm, keys)));
    }

    private static KeyPair generate(String family, java.security.spec.AlgorithmParameterSpec spec) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(family, Providers.BC);
            generator.initialize(spec, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ContentSigner signer(String algorithm, KeyPair keys) {
        try {
            return new JcaContentSignerBuilder(algorithm).setProvider(Providers.BC).build(keys.getPrivate());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encoded(PKCS10CertificationRequest csr) {
        try {
            return csr.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
