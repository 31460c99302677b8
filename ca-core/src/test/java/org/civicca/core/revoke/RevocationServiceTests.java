package org.civicca.core.revoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.SerialNumber;
import org.civicca.core.TestPki;
import org.civicca.core.store.CertificateRecord;
import org.civicca.core.store.InMemoryCertificateStore;
import org.civicca.core.store.RevokedEntry;
import org.junit.jupiter.api.Test;

class RevocationServiceTests {

    private final InMemoryCertificateStore store = new InMemoryCertificateStore();
    private final RevocationService service = new RevocationService(store, TestPki.clock());
    private final SerialNumber serial = stored(0x1001);

    @Test
    void revokesAnIssuedCertificateRecordingReasonTimeAndInvalidityDate() {
        Instant invalidity = TestPki.NOW.minus(Duration.ofDays(3));

        CertificateRecord revoked = service.revoke(serial, RevocationReason.KEY_COMPROMISE, Optional.of(invalidity));

        Revocation expected = new Revocation(RevocationReason.KEY_COMPROMISE, TestPki.NOW.truncatedTo(ChronoUnit.SECONDS), Optional.of(invalidity));
        assertThat(revoked.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(revoked.revocation()).contains(expected);
        assertThat(store.findBySerial(serial).orElseThrow().status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(store.revokedEntries(TestPki.ISSUING)).containsExactly(new RevokedEntry(serial, expected));
    }

    @Test
    void putsACertificateOnHoldAndReleasesIt() {
        CertificateRecord held = service.revoke(serial, RevocationReason.CERTIFICATE_HOLD, Optional.empty());
        assertThat(held.status()).isEqualTo(CertificateStatus.ON_HOLD);
        assertThat(store.revokedEntries(TestPki.ISSUING)).extracting(RevokedEntry::serial).containsExactly(serial);

        CertificateRecord released = service.release(serial);

        assertThat(released.status()).isEqualTo(CertificateStatus.ISSUED);
        assertThat(released.revocation()).isEmpty();
        assertThat(store.findBySerial(serial).orElseThrow().status()).isEqualTo(CertificateStatus.ISSUED);
        assertThat(store.revokedEntries(TestPki.ISSUING)).isEmpty();
    }

    @Test
    void makesAHoldFinalWithAnotherReason() {
        service.revoke(serial, RevocationReason.CERTIFICATE_HOLD, Optional.empty());

        CertificateRecord revoked = service.revoke(serial, RevocationReason.KEY_COMPROMISE, Optional.empty());

        assertThat(revoked.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(revoked.revocation().orElseThrow().reason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
        assertThat(store.revokedEntries(TestPki.ISSUING)).singleElement()
                .satisfies(entry -> assertThat(entry.revocation().reason()).isEqualTo(RevocationReason.KEY_COMPROMISE));
    }

    @Test
    void refusesToRevokeTwice() {
        service.revoke(serial, RevocationReason.SUPERSEDED, Optional.empty());

        assertThatThrownBy(() -> service.revoke(serial, RevocationReason.KEY_COMPROMISE, Optional.empty()))
                .isInstanceOfSatisfying(CaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_REVOKED));
        assertThat(store.findBySerial(serial).orElseThrow().revocation().orElseThrow().reason()).isEqualTo(RevocationReason.SUPERSEDED);
    }

    @Test
    void refusesToReleaseACertificateThatIsNotOnHold() {
        assertThatThrownBy(() -> service.release(serial))
                .isInstanceOfSatisfying(CaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_ON_HOLD));

        service.revoke(serial, RevocationReason.KEY_COMPROMISE, Optional.empty());

        assertThatThrownBy(() -> service.release(serial))
                .isInstanceOfSatisfying(CaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_ON_HOLD));
        assertThat(store.findBySerial(serial).orElseThrow().status()).isEqualTo(CertificateStatus.REVOKED);
    }

    @Test
    void refusesAnInvalidityDateInTheFuture() {
        assertThatThrownBy(() -> service.revoke(serial, RevocationReason.KEY_COMPROMISE, Optional.of(TestPki.NOW.plusMillis(1))))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.field()).contains("invalidityDate");
                });
        assertThat(store.findBySerial(serial).orElseThrow().status()).isEqualTo(CertificateStatus.ISSUED);
    }

    @Test
    void acceptsAnInvalidityDateOfNow() {
        CertificateRecord revoked = service.revoke(serial, RevocationReason.KEY_COMPROMISE, Optional.of(TestPki.NOW));

        assertThat(revoked.revocation().orElseThrow().invalidityDate()).contains(TestPki.NOW);
    }

    @Test
    void refusesAnUnknownSerial() {
        SerialNumber unknown = new SerialNumber(BigInteger.valueOf(0xdead));

        assertThatThrownBy(() -> service.revoke(unknown, RevocationReason.KEY_COMPROMISE, Optional.empty()))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_CERTIFICATE);
                    assertThat(e.field()).contains("serial");
                    assertThat(e.getMessage()).contains("dead");
                });
        assertThatThrownBy(() -> service.release(unknown))
                .isInstanceOfSatisfying(CaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_CERTIFICATE));
    }

    @Test
    void reportsALostRaceInsteadOfOverwriting() {
        InMemoryCertificateStore racing = new InMemoryCertificateStore() {
            @Override
            public synchronized boolean updateStatus(SerialNumber s, CertificateStatus expected, CertificateStatus next,
                                                     Optional<Revocation> revocation) {
                super.updateStatus(s, expected, CertificateStatus.REVOKED,
                        Optional.of(new Revocation(RevocationReason.SUPERSEDED, TestPki.NOW, Optional.empty())));
                return super.updateStatus(s, expected, next, revocation);
            }
        };
        racing.insert(TestPki.record(7, TestPki.ISSUING));
        RevocationService revocations = new RevocationService(racing, TestPki.clock());
        SerialNumber seven = new SerialNumber(BigInteger.valueOf(7));

        assertThatThrownBy(() -> revocations.revoke(seven, RevocationReason.KEY_COMPROMISE, Optional.empty()))
                .isInstanceOfSatisfying(CaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_REVOKED));
        assertThat(racing.findBySerial(seven).orElseThrow().revocation().orElseThrow().reason()).isEqualTo(RevocationReason.SUPERSEDED);
    }

    private SerialNumber stored(long value) {
        CertificateRecord record = TestPki.record(value, TestPki.ISSUING);
        store.insert(record);
        return record.serial();
    }
}
