package org.civicca.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.SerialNumber;
import org.civicca.core.TestPki;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.crl.CrlBuilder;
import org.civicca.core.issue.Extensions;
import org.civicca.core.revoke.Revocation;
import org.civicca.core.revoke.RevocationReason;
import org.civicca.core.store.RevokedEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each way a CRL can break RFC 5280 section 5 is named by the checker; what the CrlBuilder makes passes. */
class CrlRulesTests {

    private static final CertificateAuthority ISSUING = TestPki.hierarchy().issuing();
    private static final Instant THIS_UPDATE = TestPki.NOW.truncatedTo(ChronoUnit.SECONDS);

    /** A CRL as the CA builds it, each part open to a test's change. */
    static final class Forgery {
        Instant thisUpdate = THIS_UPDATE;
        Instant nextUpdate = THIS_UPDATE.plus(Duration.ofDays(1));
        Extension number = extension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(7)));
        Extension authorityKey = Extensions.authorityKeyIdentifier(ISSUING.certificate());
        BigInteger serial = BigInteger.valueOf(0x1234);
        Instant revokedAt = THIS_UPDATE.minusSeconds(60);
        Integer reason = CRLReason.keyCompromise;
        boolean twice;

        X509CRLHolder sign() {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(ISSUING.subject(), Date.from(thisUpdate));
            if (nextUpdate != null) {
                builder.setNextUpdate(Date.from(nextUpdate));
            }
            try {
                ExtensionsGenerator entry = new ExtensionsGenerator();
                if (reason != null) {
                    entry.addExtension(Extension.reasonCode, false, CRLReason.getInstance(new ASN1Enumerated(reason)));
                }
                for (int i = 0; i < (twice ? 2 : 1); i++) {
                    builder.addCRLEntry(serial, Date.from(revokedAt), entry.isEmpty() ? null : entry.generate());
                }
                if (number != null) {
                    builder.addExtension(number);
                }
                if (authorityKey != null) {
                    builder.addExtension(authorityKey);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return builder.build(ISSUING.signer().contentSigner());
        }
    }

    @Test
    void theCrlBuildersCrlsPass() {
        RevokedEntry entry = new RevokedEntry(new SerialNumber(BigInteger.valueOf(99)),
                new Revocation(RevocationReason.KEY_COMPROMISE, THIS_UPDATE.minusSeconds(5), Optional.empty()));
        X509CRLHolder crl = new CrlBuilder().build(ISSUING, List.of(entry), 8, THIS_UPDATE, THIS_UPDATE.plusSeconds(3600));

        assertThat(Rfc5280.problems(crl, ISSUING.certificate(), OptionalLong.of(7))).isEmpty();
        assertThat(Rfc5280.problems(new Forgery().sign(), ISSUING.certificate(), OptionalLong.empty())).isEmpty();
    }

    static Stream<Arguments> brokenCrls() {
        return Stream.of(
                broken("no CRL number", f -> f.number = null, "the CRL number is missing"),
                broken("a critical CRL number", f -> f.number = extension(Extension.cRLNumber, true, new CRLNumber(BigInteger.TEN)),
                        "extension 2.5.29.20 must not be critical"),
                broken("no authorityKeyIdentifier", f -> f.authorityKey = null, "authorityKeyIdentifier is missing"),
                broken("the root's authorityKeyIdentifier", f -> f.authorityKey = Extensions.authorityKeyIdentifier(
                        TestPki.hierarchy().root().certificate()), "is not the CA's subjectKeyIdentifier"),
                broken("no nextUpdate", f -> f.nextUpdate = null, "nextUpdate is missing"),
                broken("nextUpdate before thisUpdate", f -> f.nextUpdate = f.thisUpdate.minusSeconds(1), "nextUpdate is not after thisUpdate"),
                broken("reason code unspecified written out", f -> f.reason = CRLReason.unspecified, "reason code unspecified must be left out"),
                broken("reason code 7", f -> f.reason = 7, "reason code 7 is not defined"),
                broken("reason code 11", f -> f.reason = 11, "reason code 11 is not defined"),
                broken("removeFromCRL in a complete CRL", f -> f.reason = CRLReason.removeFromCRL, "removeFromCRL belongs in delta CRLs only"),
                broken("serial zero", f -> f.serial = BigInteger.ZERO, "serial must be positive"),
                broken("a serial listed twice", f -> f.twice = true, "is listed twice"),
                broken("revoked after thisUpdate", f -> f.revokedAt = f.thisUpdate.plusSeconds(60), "revocationDate is after thisUpdate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCrls")
    void namesWhatIsBroken(String what, Consumer<Forgery> breakIt, String problem) {
        Forgery forgery = new Forgery();
        breakIt.accept(forgery);

        assertThat(Rfc5280.problems(forgery.sign(), ISSUING.certificate(), OptionalLong.empty()))
                .anySatisfy(p -> assertThat(p).contains(problem));
    }

    @Test
    void aCrlNumberThatDoesNotIncreaseIsRefused() {
        X509CRLHolder crl = new Forgery().sign();

        assertThat(Rfc5280.problems(crl, ISSUING.certificate(), OptionalLong.of(6))).isEmpty();
        assertThat(Rfc5280.problems(crl, ISSUING.certificate(), OptionalLong.of(7))).containsExactly("the CRL number 7 does not increase on 7");
        assertThatThrownBy(() -> Rfc5280.require(crl, ISSUING.certificate(), OptionalLong.of(8)))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SELF_CHECK_FAILED);
                    assertThat(e.getMessage()).isEqualTo("CRL breaks RFC 5280: the CRL number 7 does not increase on 8");
                });
    }

    @Test
    void theCrlBuilderRefusesToSignANumberThatDoesNotIncrease() {
        assertThatThrownBy(() -> new CrlBuilder().build(ISSUING, List.of(), 5, THIS_UPDATE, THIS_UPDATE.plusSeconds(60), OptionalLong.of(5)))
                .isInstanceOfSatisfying(CaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SELF_CHECK_FAILED));
    }

    private static Arguments broken(String what, Consumer<Forgery> breakIt, String problem) {
        return Arguments.of(what, breakIt, problem);
    }

    private static Extension extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            return new Extension(oid, critical, value.toASN1Primitive().getEncoded("DER"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
