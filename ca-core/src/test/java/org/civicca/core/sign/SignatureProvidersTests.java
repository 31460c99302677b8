package org.civicca.core.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jcajce.provider.asymmetric.ec.BCECPublicKey;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.Providers;
import org.civicca.core.TestPki;
import org.civicca.core.ca.CaDefinition;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.csr.CsrParser;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A faster provider signs and checks proofs of possession where it has the algorithm, Bouncy Castle does the rest,
 * and the CA accepts and refuses the same CSRs either way. The JDK's own SunEC stands in for the faster provider.
 */
class SignatureProvidersTests {

    private static final Provider SUN_EC = Security.getProvider("SunEC");
    private final SignatureProviders preferringSunEc = SignatureProviders.preferring(SUN_EC);

    @Test
    void theFasterProviderSignsWhatItHasAndBouncyCastleTheRest() {
        assertThat(preferringSunEc.signing(KeyAlgorithm.EC_P256)).isSameAs(SUN_EC);
        assertThat(preferringSunEc.signing(KeyAlgorithm.EC_P384)).isSameAs(SUN_EC);
        assertThat(preferringSunEc.signing(KeyAlgorithm.RSA_2048)).as("SunEC has no RSA").isSameAs(Providers.BC);
        assertThat(SignatureProviders.BOUNCY_CASTLE.signing(KeyAlgorithm.EC_P256)).isSameAs(Providers.BC);
        assertThat(preferringSunEc.name()).isEqualTo("SunEC");
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "EC_P384", "RSA_2048", "ED25519"})
    void whatTheFasterProviderSignsPassesBouncyCastlesSelfCheckAndVerifiesElsewhere(KeyAlgorithm algorithm) throws Exception {
        KeyPair keys = algorithm.generate(TestPki.RANDOM);
        SoftwareCaSigner signer = new SoftwareCaSigner(keys.getPrivate(), keys.getPublic(), algorithm, TestPki.RANDOM, preferringSunEc);
        CaDefinition definition = new CaDefinition(TestPki.ROOT, TestPki.caName("Vĩnh Phúc Root CA"), algorithm, 20, Optional.empty(),
                Duration.ofDays(7));

        CertificateAuthority root = TestPki.caFactory().createRoot(definition, signer, TestPki.NOW);

        X509Certificate certificate = TestPki.jca(root.certificate());
        certificate.verify(keys.getPublic());
        assertThat(root.certificate().isSignatureValid(Verifiers.of(root.certificate().getSubjectPublicKeyInfo(), algorithm))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "EC_P384", "RSA_2048", "ED25519"})
    void proofsOfPossessionAreJudgedAsBouncyCastleJudgesThem(KeyAlgorithm algorithm) {
        KeyPair subject = algorithm.generate(TestPki.RANDOM);
        KeyPair other = algorithm.generate(TestPki.RANDOM);
        String signature = TestPki.defaultSignatureAlgorithm(subject.getPublic());
        String valid = TestPki.pem("CERTIFICATE REQUEST", TestPki.der(TestPki.csr(subject)));
        String signedByAnotherKey = TestPki.pem("CERTIFICATE REQUEST",
                TestPki.der(TestPki.csr(subject.getPublic(), other.getPrivate(), signature)));

        for (CsrParser parser : new CsrParser[] {new CsrParser(preferringSunEc), new CsrParser()}) {
            assertThat(parser.parse(valid).publicKey()).isEqualTo(SubjectPublicKeyInfo.getInstance(subject.getPublic().getEncoded()));
            assertThatThrownBy(() -> parser.parse(signedByAnotherKey)).isInstanceOfSatisfying(CaException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.CSR_SIGNATURE_INVALID));
        }
    }

    @Test
    void aProviderThatKnowsAlgorithmsOnlyByNameStillChecksProofsOfPossession() throws Exception {
        SignatureProviders namesOnly = SignatureProviders.preferring(namesOnly(SUN_EC, "KeyFactory", "EC", "Signature", "SHA256withECDSA"));
        KeyPair keys = KeyAlgorithm.EC_P256.generate(TestPki.RANDOM);
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());

        ContentVerifierProvider verifier = namesOnly.csrVerifier(key, KeyAlgorithm.EC_P256);

        assertThat(verifier.getClass().getName()).as("the faster provider's verifier, not Bouncy Castle's lightweight one")
                .startsWith(JcaContentVerifierProviderBuilder.class.getName());
        assertThat(TestPki.csr(keys).isSignatureValid(verifier)).isTrue();
        assertThat(TestPki.csr(keys.getPublic(), KeyAlgorithm.EC_P256.generate(TestPki.RANDOM).getPrivate(), "SHA256withECDSA")
                .isSignatureValid(namesOnly.csrVerifier(key, KeyAlgorithm.EC_P256))).isFalse();
    }

    @Test
    void aKeyTheFasterProviderCannotDecodeIsCheckedByBouncyCastle() throws Exception {
        KeyPair keys = KeyAlgorithm.EC_P256.generate(TestPki.RANDOM);
        SubjectPublicKeyInfo full = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        SubjectPublicKeyInfo compressed = new SubjectPublicKeyInfo(full.getAlgorithm(),
                ((BCECPublicKey) keys.getPublic()).getQ().getEncoded(true));
        String csr = TestPki.pem("CERTIFICATE REQUEST", new PKCS10CertificationRequestBuilder(new X500Name("CN=ignored"), compressed)
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Providers.BC).build(keys.getPrivate())).getEncoded());

        String byBouncyCastle = outcome(new CsrParser(), csr);

        assertThat(outcome(new CsrParser(preferringSunEc), csr)).isEqualTo(byBouncyCastle);
    }

    /** A provider offering some of {@code delegate}'s algorithms under their names only, no OID aliases: as native ones do. */
    private static Provider namesOnly(Provider delegate, String... typesAndAlgorithms) {
        return new NamesOnlyProvider(delegate, typesAndAlgorithms);
    }

    private static final class NamesOnlyProvider extends Provider {

        NamesOnlyProvider(Provider delegate, String... typesAndAlgorithms) {
            super("NamesOnly", "1", "algorithms by name only");
            for (int i = 0; i < typesAndAlgorithms.length; i += 2) {
                Provider.Service service = delegate.getService(typesAndAlgorithms[i], typesAndAlgorithms[i + 1]);
                putService(new Provider.Service(this, service.getType(), service.getAlgorithm(), service.getClassName(), null, null) {
                    @Override
                    public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
                        return service.newInstance(parameter);
                    }
                });
            }
        }
    }

    private static String outcome(CsrParser parser, String csr) {
        try {
            return "accepted " + parser.parse(csr).publicKey();
        } catch (CaException e) {
            return "refused " + e.code() + " " + e.field();
        }
    }
}
