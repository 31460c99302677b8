package org.civicca.core.pkcs12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.jce.interfaces.ECPointEncoder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.civicca.core.Processes;
import org.civicca.core.Providers;
import org.civicca.core.TestPki;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.csr.CsrBuilder;
import org.civicca.core.issue.IssuancePipeline;
import org.civicca.core.issue.IssuanceRequest;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.key.PrivateKeys;
import org.civicca.core.subject.SubjectFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every file is checked with the tools subscribers' systems use: OpenSSL 3, the JDK's keytool and NSS (Firefox). */
class Pkcs12WriterTests {

    private static final String NAME = "Nguyễn Thị Ánh";
    /** Non-ASCII on purpose for the Java round trip; OpenSSL and NSS take it too, but JDK 17's keytool refuses it. */
    private static final String PASSWORD = "Mật-khẩu 2026";
    private static final String ASCII_PASSWORD = "p12 password 2026";
    private static final Map<KeyAlgorithm, Subscriber> SUBSCRIBERS = new EnumMap<>(KeyAlgorithm.class);

    @TempDir
    Path directory;

    /** A subscriber's key, its certificate issued by the test hierarchy, and the chain leaf → issuing CA → root. */
    private record Subscriber(KeyPair keys, List<X509CertificateHolder> chain) {
    }

    private static synchronized Subscriber subscriber(KeyAlgorithm algorithm) {
        return SUBSCRIBERS.computeIfAbsent(algorithm, a -> {
            KeyPair keys = TestPki.keyPair(a);
            CertificateAuthority issuing = TestPki.hierarchy().issuing();
            IssuanceRequest request = new IssuanceRequest(Optional.empty(), "personal", TestPki.agency().code(),
                    new SubjectFields(NAME, "anh.nt@vinhphuc.gov.vn", "026190004321", null, null, null),
                    CsrBuilder.pem(CsrBuilder.build(keys, a)), Optional.empty());
            IssuancePipeline pipeline = TestPki.pipeline();
            X509CertificateHolder leaf = pipeline.sign(pipeline.check(request, TestPki.personalProfile(), TestPki.agency()), issuing,
                    TestPki.NOW).certificate();
            List<X509CertificateHolder> chain = new ArrayList<>(List.of(leaf));
            chain.addAll(issuing.chain());
            return new Subscriber(keys, List.copyOf(chain));
        });
    }

    private Path write(KeyAlgorithm algorithm, String password) throws Exception {
        Subscriber subscriber = subscriber(algorithm);
        byte[] pfx = Pkcs12Writer.write(subscriber.keys().getPrivate(), subscriber.chain(), NAME, password.toCharArray(), TestPki.RANDOM);
        return Files.write(directory.resolve(algorithm.name().toLowerCase(Locale.ROOT) + ".p12"), pfx);
    }

    // ---------------------------------------------------------------- OpenSSL

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "RSA_2048", "ED25519"})
    void opensslReadsItWithPbes2Aes256AndAnHmacSha256Mac(KeyAlgorithm algorithm) throws Exception {
        Path file = write(algorithm, ASCII_PASSWORD);
        Path dump = directory.resolve("dump.pem");

        String info = Processes.succeed(directory, "openssl", "pkcs12", "-in", file.toString(), "-passin", "pass:" + ASCII_PASSWORD,
                "-nodes", "-info", "-out", dump.toString());

        assertThat(info).contains("MAC: sha256, Iteration " + Pkcs12Writer.ITERATIONS)
                .contains("PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration " + Pkcs12Writer.ITERATIONS + ", PRF hmacWithSHA256")
                .contains("Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration " + Pkcs12Writer.ITERATIONS + ", PRF hmacWithSHA256");
        // OpenSSL 3.0 prints a BMPString friendlyName byte-wise, not as UTF-8: read the dump as Latin-1, check the key id.
        String text = Files.readString(dump, StandardCharsets.ISO_8859_1);
        assertThat(text.split("localKeyID: " + keyIdHex(subscriber(algorithm).chain().get(0)), -1)).as(text).hasSize(3);
        List<PemObject> blocks = pemBlocks(text);
        assertThat(blocks).extracting(PemObject::getType).containsExactly("CERTIFICATE", "CERTIFICATE", "CERTIFICATE", "PRIVATE KEY");
        assertThat(new X509CertificateHolder(blocks.get(0).getContent())).isEqualTo(subscriber(algorithm).chain().get(0));
        PrivateKey key = PrivateKeys.fromPkcs8(PrivateKeyInfo.getInstance(blocks.get(3).getContent()));
        assertSignsFor(key, subscriber(algorithm).keys().getPublic(), algorithm);
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "RSA_2048", "ED25519"})
    void opensslRefusesTheWrongPassword(KeyAlgorithm algorithm) throws Exception {
        Path file = write(algorithm, ASCII_PASSWORD);

        String output = Processes.fail(directory, "openssl", "pkcs12", "-in", file.toString(), "-passin", "pass:wrong", "-nokeys");

        assertThat(output).contains("Mac verify error");
    }

    // ---------------------------------------------------------------- Java keytool

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "RSA_2048", "ED25519"})
    void keytoolListsAKeyEntryNamedAfterTheSubscriberWithTheWholeChain(KeyAlgorithm algorithm) throws Exception {
        Path file = write(algorithm, ASCII_PASSWORD);

        String output = Processes.succeed(directory, "keytool", "-J-Dfile.encoding=UTF-8", "-list", "-v", "-keystore", file.toString(),
                "-storetype", "PKCS12", "-storepass", ASCII_PASSWORD);

        // keytool lower-cases aliases.
        assertThat(output.toLowerCase(Locale.ROOT)).contains("alias name: " + NAME.toLowerCase(Locale.ROOT));
        assertThat(output).contains("Entry type: PrivateKeyEntry").contains("Certificate chain length: 3");
    }

    // ---------------------------------------------------------------- NSS (Firefox, Thunderbird, Chrome on Linux)

    /**
     * EC and RSA only. NSS cannot import Ed25519 keys from PKCS#12: NSS 3.87 (Debian 12) has no EdDSA at all and
     * pk12util fails with SEC_ERROR_PKCS12_UNABLE_TO_IMPORT_KEY; EdDSA arrived in NSS 3.99 and the PKCS#12 import
     * of EdDSA keys was fixed only in NSS 3.131 (bug 1993638). Ed25519 files are for OpenSSL and Java users.
     */
    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "RSA_2048"})
    void nssImportsKeyAndCertificateUnderTheFriendlyName(KeyAlgorithm algorithm) throws Exception {
        Path file = write(algorithm, ASCII_PASSWORD);
        Path database = Files.createDirectory(directory.resolve("nssdb"));
        String db = "sql:" + database;

        Processes.succeed(directory, "certutil", "-N", "-d", db, "--empty-password");
        Processes.succeed(directory, "pk12util", "-i", file.toString(), "-d", db, "-W", ASCII_PASSWORD);

        assertThat(Processes.succeed(directory, "certutil", "-L", "-d", db)).contains(NAME);
        assertThat(Processes.succeed(directory, "certutil", "-K", "-d", db)).contains(NAME);
    }

    // ---------------------------------------------------------------- reading back

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "RSA_2048", "ED25519"})
    void readsBackTheKeyTheChainInOrderAndTheVietnameseName(KeyAlgorithm algorithm) throws Exception {
        Subscriber subscriber = subscriber(algorithm);
        byte[] pfx = Files.readAllBytes(write(algorithm, PASSWORD));

        Pkcs12Contents contents = Pkcs12Reader.read(pfx, PASSWORD.toCharArray());

        assertThat(contents.friendlyName()).isEqualTo(NAME);
        assertThat(contents.chain()).containsExactlyElementsOf(subscriber.chain());
        assertThat(contents.key().getAlgorithm()).isEqualTo(algorithm.family());
        assertThat(PrivateKeys.pkcs8(contents.key())).isEqualTo(PrivateKeys.pkcs8(subscriber.keys().getPrivate()));
        assertSignsFor(contents.key(), subscriber.keys().getPublic(), algorithm);
    }

    @Test
    void refusesTheWrongPasswordClearly() throws Exception {
        byte[] pfx = Files.readAllBytes(write(KeyAlgorithm.EC_P256, PASSWORD));

        assertThatThrownBy(() -> Pkcs12Reader.read(pfx, "Mat-khau 2026".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PKCS#12 password is wrong or the file is damaged");
    }

    @Test
    void refusesADamagedFile() throws Exception {
        byte[] pfx = Files.readAllBytes(write(KeyAlgorithm.EC_P256, PASSWORD));
        byte[] damaged = pfx.clone();
        damaged[damaged.length / 2] ^= 0x01;

        assertThatThrownBy(() -> Pkcs12Reader.read(damaged, PASSWORD.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PKCS#12 password is wrong or the file is damaged");
        assertThatThrownBy(() -> Pkcs12Reader.read("not a PKCS#12 file".getBytes(StandardCharsets.US_ASCII), PASSWORD.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PKCS#12 password is wrong or the file is damaged");
    }

    @Test
    void readsAFileTheJdkWrote() throws Exception {
        Subscriber subscriber = subscriber(KeyAlgorithm.EC_P256);

        Pkcs12Contents contents = Pkcs12Reader.read(jdkPkcs12(subscriber.keys().getPrivate(), subscriber.chain()), ASCII_PASSWORD.toCharArray());

        assertThat(contents.friendlyName()).isEqualTo(NAME.toLowerCase(Locale.ROOT));
        assertThat(contents.chain()).containsExactlyElementsOf(subscriber.chain());
        assertSignsFor(contents.key(), subscriber.keys().getPublic(), KeyAlgorithm.EC_P256);
    }

    @Test
    void refusesAFileWhoseKeyDoesNotMatchItsCertificate() throws Exception {
        byte[] pfx = jdkPkcs12(TestPki.ecP256().getPrivate(), subscriber(KeyAlgorithm.EC_P256).chain());

        assertThatThrownBy(() -> Pkcs12Reader.read(pfx, ASCII_PASSWORD.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PKCS#12 private key does not match its certificate");
    }

    @Test
    void refusesToWriteAKeyThatDoesNotBelongToTheCertificate() {
        Subscriber subscriber = subscriber(KeyAlgorithm.EC_P256);
        PrivateKey otherEc = TestPki.ecP256().getPrivate();
        PrivateKey rsa = TestPki.rsa2048().getPrivate();

        assertRefusedAsAnotherKey(() -> Pkcs12Writer.write(otherEc, subscriber.chain(), NAME, PASSWORD.toCharArray(), TestPki.RANDOM));
        assertRefusedAsAnotherKey(() -> Pkcs12Writer.write(rsa, subscriber.chain(), NAME, PASSWORD.toCharArray(), TestPki.RANDOM));
    }

    @Test
    void writesAFreshPairWhoseCertificateCarriesItsPublicKey() throws Exception {
        Subscriber subscriber = subscriber(KeyAlgorithm.EC_P256);

        byte[] pfx = Pkcs12Writer.write(subscriber.keys(), subscriber.chain(), NAME, PASSWORD.toCharArray(), TestPki.RANDOM);

        Pkcs12Contents contents = Pkcs12Reader.read(pfx, PASSWORD.toCharArray());
        assertThat(contents.key().getEncoded()).isEqualTo(PrivateKeys.pkcs8(subscriber.keys().getPrivate()).getEncoded());
        assertThat(contents.chain()).isEqualTo(subscriber.chain());
    }

    @Test
    void checksAPairTheLongWayWhenItsPublicKeyIsEncodedOtherwise() throws Exception {
        Subscriber subscriber = subscriber(KeyAlgorithm.EC_P256);
        PublicKey compressed = KeyFactory.getInstance("EC", Providers.BC)
                .generatePublic(new X509EncodedKeySpec(subscriber.keys().getPublic().getEncoded()));
        ((ECPointEncoder) compressed).setPointFormat("COMPRESSED");
        KeyPair sameKeyOtherEncoding = new KeyPair(compressed, subscriber.keys().getPrivate());
        KeyPair otherKeyOtherEncoding = new KeyPair(compressed, TestPki.ecP256().getPrivate());

        assertThat(Pkcs12Reader.read(Pkcs12Writer.write(sameKeyOtherEncoding, subscriber.chain(), NAME, PASSWORD.toCharArray(),
                TestPki.RANDOM), PASSWORD.toCharArray()).chain()).isEqualTo(subscriber.chain());
        assertRefusedAsAnotherKey(() -> Pkcs12Writer.write(otherKeyOtherEncoding, subscriber.chain(), NAME, PASSWORD.toCharArray(),
                TestPki.RANDOM));
    }

    @Test
    void refusesAFreshPairThatIsNotTheCertificates() {
        Subscriber subscriber = subscriber(KeyAlgorithm.EC_P256);
        KeyPair other = TestPki.ecP256();

        assertRefusedAsAnotherKey(() -> Pkcs12Writer.write(other, subscriber.chain(), NAME, PASSWORD.toCharArray(), TestPki.RANDOM));
    }

    @Test
    void refusesAnEmptyChainOrFriendlyName() {
        Subscriber subscriber = subscriber(KeyAlgorithm.EC_P256);
        PrivateKey key = subscriber.keys().getPrivate();

        assertThatThrownBy(() -> Pkcs12Writer.write(key, List.of(), NAME, PASSWORD.toCharArray(), TestPki.RANDOM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pkcs12Writer.write(key, subscriber.chain(), " ", PASSWORD.toCharArray(), TestPki.RANDOM))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- helpers

    private static void assertRefusedAsAnotherKey(ThrowingCallable write) {
        assertThatThrownBy(write).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("private key does not match the first certificate of the chain");
    }


    private static List<PemObject> pemBlocks(String text) throws Exception {
        List<PemObject> blocks = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(text))) {
            for (PemObject block = reader.readPemObject(); block != null; block = reader.readPemObject()) {
                blocks.add(block);
            }
        }
        return blocks;
    }

    /** A PKCS#12 file written by the JDK's own keystore (ASCII password: JDK 17's PBKDF2 refuses others), whatever the key. */
    private static byte[] jdkPkcs12(PrivateKey key, List<X509CertificateHolder> chain) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(NAME, key, ASCII_PASSWORD.toCharArray(), chain.stream().map(TestPki::jca).toArray(Certificate[]::new));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, ASCII_PASSWORD.toCharArray());
        return out.toByteArray();
    }

    /** The leaf's key identifier as {@code openssl pkcs12 -info} prints it: upper-case hex bytes, each followed by a space. */
    private static String keyIdHex(X509CertificateHolder leaf) throws Exception {
        byte[] id = new JcaX509ExtensionUtils().createSubjectKeyIdentifier(leaf.getSubjectPublicKeyInfo()).getKeyIdentifier();
        StringBuilder hex = new StringBuilder();
        for (byte b : id) {
            hex.append(String.format("%02X ", b));
        }
        return hex.toString();
    }

    private static void assertSignsFor(PrivateKey key, PublicKey publicKey, KeyAlgorithm algorithm) throws Exception {
        byte[] message = "Ủy ban nhân dân tỉnh Vĩnh Phúc".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance(algorithm.signatureAlgorithm(), Providers.BC);
        signer.initSign(key);
        signer.update(message);
        Signature verifier = Signature.getInstance(algorithm.signatureAlgorithm(), Providers.BC);
        verifier.initVerify(publicKey);
        verifier.update(message);
        assertThat(verifier.verify(signer.sign())).as("the key signs for the subscriber's public key").isTrue();
    }
}
