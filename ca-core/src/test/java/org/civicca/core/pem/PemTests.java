package org.civicca.core.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.civicca.core.Processes;
import org.civicca.core.TestPki;
import org.civicca.core.csr.CsrBuilder;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.key.PrivateKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PemTests {

    private static final char[] PASSPHRASE = "journal passphrase 2026".toCharArray();

    @TempDir
    Path directory;

    // ---------------------------------------------------------------- encrypted private keys

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void encryptedPrivateKeyDecryptsToTheSameKey(KeyAlgorithm algorithm) {
        PrivateKey key = TestPki.keyPair(algorithm).getPrivate();

        String pem = Pem.encryptedPrivateKey(key, PASSPHRASE, TestPki.RANDOM);
        PrivateKey decrypted = Pem.decryptPrivateKey(pem, PASSPHRASE.clone());

        assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----").doesNotContain("-----BEGIN PRIVATE KEY-----");
        assertThat(decrypted.getAlgorithm()).isEqualTo(key.getAlgorithm()).isEqualTo(algorithm.family());
        assertThat(PrivateKeys.pkcs8(decrypted)).isEqualTo(PrivateKeys.pkcs8(key));
    }

    @Test
    void encryptsWithPbes2Pbkdf2HmacSha256AndAes256Cbc() throws Exception {
        String pem = Pem.encryptedPrivateKey(TestPki.ecP256().getPrivate(), PASSPHRASE, TestPki.RANDOM);

        PKCS8EncryptedPrivateKeyInfo info = new PKCS8EncryptedPrivateKeyInfo(Pem.readFirst(pem).getContent());
        assertThat(info.getEncryptionAlgorithm().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
        PBES2Parameters pbes2 = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
        assertThat(pbes2.getKeyDerivationFunc().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBKDF2);
        PBKDF2Params pbkdf2 = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
        assertThat(pbkdf2.getPrf().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_hmacWithSHA256);
        assertThat(pbkdf2.getIterationCount().intValue()).isEqualTo(Pem.PBKDF2_ITERATIONS);
        assertThat(pbes2.getEncryptionScheme().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_aes256_CBC);
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "EC_P256", "EC_P384", "ED25519"})
    void opensslDecryptsTheKeyWithThePassphrase(KeyAlgorithm algorithm) throws Exception {
        KeyPair keys = TestPki.keyPair(algorithm);
        Path file = directory.resolve("key.pem");
        Files.writeString(file, Pem.encryptedPrivateKey(keys.getPrivate(), PASSPHRASE, TestPki.RANDOM), StandardCharsets.US_ASCII);
        String pass = "pass:" + new String(PASSPHRASE);

        Processes.succeed(directory, "openssl", "pkey", "-in", file.toString(), "-passin", pass, "-noout");
        String publicKey = Processes.succeed(directory, "openssl", "pkey", "-in", file.toString(), "-passin", pass, "-pubout");
        Processes.fail(directory, "openssl", "pkey", "-in", file.toString(), "-passin", "pass:wrong", "-noout");

        assertThat(Pem.readFirst(publicKey).getContent()).isEqualTo(keys.getPublic().getEncoded());
    }

    @Test
    void refusesTheWrongPassphraseClearly() {
        String pem = Pem.encryptedPrivateKey(TestPki.ed25519().getPrivate(), PASSPHRASE, TestPki.RANDOM);

        // Several attempts: now and then a wrong key happens to leave valid padding, and must fail just as clearly.
        for (int i = 0; i < 3; i++) {
            char[] wrong = ("wrong passphrase " + i).toCharArray();
            assertThatThrownBy(() -> Pem.decryptPrivateKey(pem, wrong))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("private key passphrase is wrong or the PEM is damaged");
        }
    }

    @Test
    void refusesPemThatIsNotAnEncryptedKey() {
        String certificate = Pem.certificate(TestPki.hierarchy().root().certificate());

        assertThatThrownBy(() -> Pem.decryptPrivateKey(certificate, PASSPHRASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PEM text does not hold an ENCRYPTED PRIVATE KEY");
        assertThatThrownBy(() -> Pem.decryptPrivateKey("not PEM at all", PASSPHRASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PEM text does not hold an ENCRYPTED PRIVATE KEY");
    }

    // ---------------------------------------------------------------- certificates

    @Test
    void readsAChainBackInOrder() {
        List<X509CertificateHolder> chain = TestPki.hierarchy().issuing().chain();

        assertThat(Pem.parseCertificates(Pem.chain(chain))).containsExactlyElementsOf(chain);
        assertThat(Pem.parseCertificates("text before\n" + Pem.chain(chain) + "text after\n")).containsExactlyElementsOf(chain);
    }

    @Test
    void readsOneCertificate() {
        X509CertificateHolder root = TestPki.hierarchy().root().certificate();

        assertThat(Pem.parseCertificate(Pem.certificate(root))).isEqualTo(root);
    }

    @Test
    void refusesAChainWhereOneCertificateIsExpected() {
        String chain = Pem.chain(TestPki.hierarchy().issuing().chain());

        assertThatThrownBy(() -> Pem.parseCertificate(chain))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected one certificate, found 2");
    }

    @Test
    void refusesTextWithoutCertificates() {
        String csr = Pem.certificateRequest(CsrBuilder.build(TestPki.ecP256(), KeyAlgorithm.EC_P256));

        assertThatThrownBy(() -> Pem.parseCertificates(csr))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected CERTIFICATE PEM blocks, found CERTIFICATE REQUEST");
        assertThatThrownBy(() -> Pem.parseCertificates(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no CERTIFICATE in the PEM text");
        assertThatThrownBy(() -> Pem.parseCertificates("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an X.509 certificate");
    }
}
