package org.civicca.core.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.civicca.core.TestPki;
import org.civicca.core.ca.CaDefinition;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.crl.CrlBuilder;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Pkcs12KeyStoreTests {

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    @TempDir
    Path directory;

    @Test
    void readsBackAKeyAfterReopeningWithTheSamePassword() throws Exception {
        Path file = directory.resolve("ca.p12");
        KeyPair keys = TestPki.keyPair(KeyAlgorithm.EC_P384);
        X509Certificate certificate = selfSigned(keys, KeyAlgorithm.EC_P384);

        Pkcs12KeyStore.open(file, PASSWORD).put("vinhphuc-root", keys.getPrivate(), List.of(certificate));
        Pkcs12KeyStore reopened = Pkcs12KeyStore.open(file, PASSWORD.clone());

        PrivateKey key = reopened.privateKey("vinhphuc-root").orElseThrow();
        assertThat(key.getAlgorithm()).isEqualTo("EC");
        assertThat(reopened.certificate("vinhphuc-root")).contains(certificate);
        assertThat(signsFor(key, certificate, "SHA384withECDSA")).isTrue();
    }

    @Test
    void afterReloadingAKeyAnotherNodeWroteIsSeenAndKeptByTheNextPut() throws Exception {
        Path file = directory.resolve("ca.p12");
        Pkcs12KeyStore first = Pkcs12KeyStore.open(file, PASSWORD);
        Pkcs12KeyStore second = Pkcs12KeyStore.open(file, PASSWORD);
        KeyPair rootKeys = TestPki.keyPair(KeyAlgorithm.EC_P384);
        first.put("vinhphuc-root", rootKeys.getPrivate(), List.of(selfSigned(rootKeys, KeyAlgorithm.EC_P384)));

        assertThat(second.privateKey("vinhphuc-root")).isEmpty();
        second.reload();
        KeyPair auditKeys = TestPki.ecP256();
        second.put("audit-signing", auditKeys.getPrivate(), List.of(selfSigned(auditKeys, KeyAlgorithm.EC_P256)));

        Pkcs12KeyStore reopened = Pkcs12KeyStore.open(file, PASSWORD);
        assertThat(reopened.privateKey("vinhphuc-root")).isPresent();
        assertThat(reopened.privateKey("audit-signing")).isPresent();
    }

    @Test
    void keepsTheChainInOrder() {
        Path file = directory.resolve("ca.p12");
        KeyPair keys = TestPki.ecP256();
        CertificateAuthority parent = root(TestPki.signer(KeyAlgorithm.EC_P384));
        CaDefinition definition = new CaDefinition("vinhphuc-issuing", TestPki.caName("Vĩnh Phúc Issuing CA"), KeyAlgorithm.EC_P256, 10,
                Optional.of("vinhphuc-root"), Duration.ofHours(24));
        CertificateAuthority issuing = TestPki.caFactory().createSubordinate(definition,
                new SoftwareCaSigner(keys.getPrivate(), keys.getPublic(), KeyAlgorithm.EC_P256, TestPki.RANDOM), parent, TestPki.NOW);
        List<X509Certificate> chain = issuing.chain().stream().map(TestPki::jca).toList();

        Pkcs12KeyStore.open(file, PASSWORD).put("vinhphuc-issuing", keys.getPrivate(), chain);

        assertThat(Pkcs12KeyStore.open(file, PASSWORD).chain("vinhphuc-issuing"))
                .containsExactly(TestPki.jca(issuing.certificate()), TestPki.jca(parent.certificate()));
    }

    @Test
    void keepsEveryKeyItWasGiven() throws Exception {
        Path file = directory.resolve("ca.p12");
        KeyPair root = TestPki.keyPair(KeyAlgorithm.EC_P384);
        KeyPair issuing = TestPki.ecP256();
        Pkcs12KeyStore store = Pkcs12KeyStore.open(file, PASSWORD);
        store.put("vinhphuc-root", root.getPrivate(), List.of(selfSigned(root, KeyAlgorithm.EC_P384)));
        store.put("vinhphuc-issuing", issuing.getPrivate(), List.of(selfSigned(issuing, KeyAlgorithm.EC_P256)));

        Pkcs12KeyStore reopened = Pkcs12KeyStore.open(file, PASSWORD);

        assertThat(reopened.privateKey("vinhphuc-root")).isPresent();
        assertThat(reopened.privateKey("vinhphuc-issuing")).isPresent();
        assertThat(reopened.privateKey("vinhphuc-other")).isEmpty();
        assertThat(reopened.certificate("vinhphuc-other")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void givesBackAKeyTheCaCanSignWith(KeyAlgorithm algorithm) throws Exception {
        Path file = directory.resolve("ca.p12");
        KeyPair keys = TestPki.keyPair(algorithm);
        CertificateAuthority ca = root(new SoftwareCaSigner(keys.getPrivate(), keys.getPublic(), algorithm, TestPki.RANDOM));
        X509Certificate certificate = TestPki.jca(ca.certificate());
        Pkcs12KeyStore.open(file, PASSWORD).put(ca.name(), keys.getPrivate(), List.of(certificate));

        PrivateKey loaded = Pkcs12KeyStore.open(file, PASSWORD).privateKey(ca.name()).orElseThrow();
        CertificateAuthority reloaded = new CertificateAuthority(ca.definition(),
                new SoftwareCaSigner(loaded, certificate.getPublicKey(), algorithm, TestPki.RANDOM), ca.chain());

        byte[] crl = new CrlBuilder().build(reloaded, List.of(), 1, TestPki.NOW, TestPki.NOW.plusSeconds(3600)).getEncoded();
        TestPki.jcaCrl(crl).verify(certificate.getPublicKey());
    }

    @Test
    void refusesTheWrongPassword() {
        Path file = directory.resolve("ca.p12");
        KeyPair keys = TestPki.ecP256();
        Pkcs12KeyStore.open(file, PASSWORD).put("vinhphuc-root", keys.getPrivate(), List.of(selfSigned(keys, KeyAlgorithm.EC_P256)));

        assertThatThrownBy(() -> Pkcs12KeyStore.open(file, "wrong password".toCharArray()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrong password");
    }

    @Test
    void refusesADamagedFile() throws Exception {
        Path file = directory.resolve("ca.p12");
        Files.writeString(file, "this is not a PKCS#12 file", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> Pkcs12KeyStore.open(file, PASSWORD)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void writesAFileOnlyItsOwnerCanReadAndLeavesNoTemporaryFile() throws Exception {
        Path file = directory.resolve("keys").resolve("ca.p12");
        KeyPair keys = TestPki.ecP256();
        Pkcs12KeyStore store = Pkcs12KeyStore.open(file, PASSWORD);
        assertThat(file).doesNotExist();

        store.put("vinhphuc-root", keys.getPrivate(), List.of(selfSigned(keys, KeyAlgorithm.EC_P256)));
        store.put("vinhphuc-root", keys.getPrivate(), List.of(selfSigned(keys, KeyAlgorithm.EC_P256)));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ca.p12");
        }
    }

    @Test
    void opensAMissingFileAsAnEmptyStore() {
        Pkcs12KeyStore store = Pkcs12KeyStore.open(directory.resolve("absent.p12"), PASSWORD);

        assertThat(store.privateKey("vinhphuc-root")).isEmpty();
        assertThat(directory.resolve("absent.p12")).doesNotExist();
    }

    private static boolean signsFor(PrivateKey key, X509Certificate certificate, String algorithm) throws Exception {
        byte[] message = "Vĩnh Phúc".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(message);
        return verifier.verify(signature);
    }

    private static X509Certificate selfSigned(KeyPair keys, KeyAlgorithm algorithm) {
        return TestPki.jca(root(new SoftwareCaSigner(keys.getPrivate(), keys.getPublic(), algorithm, TestPki.RANDOM)).certificate());
    }

    private static CertificateAuthority root(SoftwareCaSigner signer) {
        CaDefinition definition = new CaDefinition("vinhphuc-root", TestPki.caName("Vĩnh Phúc Root CA"), signer.keyAlgorithm(), 20,
                Optional.empty(), Duration.ofDays(7));
        return TestPki.caFactory().createRoot(definition, signer, TestPki.NOW);
    }
}
