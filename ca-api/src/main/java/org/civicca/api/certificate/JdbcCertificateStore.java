package org.civicca.api.certificate;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.civicca.core.SerialNumber;
import org.civicca.core.revoke.CertificateStatus;
import org.civicca.core.revoke.Revocation;
import org.civicca.core.revoke.RevocationReason;
import org.civicca.core.store.CertificateRecord;
import org.civicca.core.store.CertificateStore;
import org.civicca.core.store.DuplicateRequestException;
import org.civicca.core.store.RevokedEntry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The certificate store on Spring Data JDBC; serial and requestId uniqueness are database constraints. New
 * certificates go in as one JDBC batch of plain inserts: the hot path of issuance.
 */
@Component
class JdbcCertificateStore implements CertificateStore {

    private static final String INSERT = """
            INSERT INTO certificate (serial, issuer, profile, agency, request_id, request_fingerprint, subject_dn, common_name, email,
                                     status, not_before, not_after, der, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final CertificateRepository certificates;
    private final JdbcTemplate batches;
    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    JdbcCertificateStore(CertificateRepository certificates, JdbcTemplate batches, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.certificates = certificates;
        this.batches = batches;
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Inserts behind a savepoint: on PostgreSQL a refused insert spoils the whole transaction, and the look-up that
     * tells a twin request from a serial collision must still run in it (and so must the caller's later work).
     */
    @Override
    public void insert(CertificateRecord record) {
        try {
            savepoint.executeWithoutResult(status -> insertAll(List.of(record)));
        } catch (DuplicateKeyException e) {
            if (record.requestId().isPresent() && certificates.findByRequestId(record.requestId().get()).isPresent()) {
                throw new DuplicateRequestException(record.requestId().get(), e);
            }
            throw e;
        }
    }

    /** New certificates only: issued, never revoked. */
    @Override
    public void insertAll(List<CertificateRecord> records) {
        batches.batchUpdate(INSERT, records.stream().map(JdbcCertificateStore::insertParameters).toList());
    }

    private static Object[] insertParameters(CertificateRecord r) {
        if (r.revocation().isPresent()) {
            throw new IllegalArgumentException("a new certificate carries no revocation");
        }
        return new Object[] {r.serial().hex(), r.issuer(), r.profile(), r.agency(), r.requestId().orElse(null), r.requestFingerprint(),
            r.subjectDn(), r.commonName(), r.email().orElse(null), r.status().name(), utc(r.notBefore()), utc(r.notAfter()), r.der(),
            utc(r.createdAt())};
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Optional<CertificateRecord> findBySerial(SerialNumber serial) {
        return certificates.findById(serial.hex()).map(JdbcCertificateStore::toRecord);
    }

    @Override
    public Optional<CertificateRecord> findByRequestId(String requestId) {
        return certificates.findByRequestId(requestId).map(JdbcCertificateStore::toRecord);
    }

    @Override
    public boolean updateStatus(SerialNumber serial, CertificateStatus expected, CertificateStatus next, Optional<Revocation> revocation) {
        return certificates.updateStatus(serial.hex(), expected.name(), next.name(),
                revocation.map(Revocation::revokedAt).orElse(null),
                revocation.map(r -> r.reason().rfcName()).orElse(null),
                revocation.flatMap(Revocation::invalidityDate).orElse(null)) == 1;
    }

    @Override
    public Stream<RevokedEntry> revokedEntries(String issuer) {
        return jdbc.sql("""
                        SELECT serial, revoked_at, revocation_reason, invalidity_date
                          FROM certificate
                         WHERE issuer = ? AND status IN ('REVOKED', 'ON_HOLD')
                         ORDER BY revoked_at, serial""")
                .param(issuer)
                .query((rs, n) -> new RevokedEntry(new SerialNumber(new BigInteger(rs.getString(1), 16)),
                        new Revocation(RevocationReason.parse(rs.getString(3)), rs.getObject(2, OffsetDateTime.class).toInstant(),
                                Optional.ofNullable(rs.getObject(4, OffsetDateTime.class)).map(OffsetDateTime::toInstant))))
                .stream();
    }

    static CertificateRecord toRecord(CertificateRow row) {
        Optional<Revocation> revocation = row.revocationReason() == null ? Optional.empty()
                : Optional.of(new Revocation(RevocationReason.parse(row.revocationReason()), row.revokedAt(),
                        Optional.ofNullable(row.invalidityDate())));
        return new CertificateRecord(new SerialNumber(new BigInteger(row.serial(), 16)), row.issuer(), row.profile(), row.agency(),
                Optional.ofNullable(row.requestId()), row.requestFingerprint(), row.subjectDn(), row.commonName(),
                Optional.ofNullable(row.email()), CertificateStatus.valueOf(row.status()), row.notBefore(), row.notAfter(),
                row.der(), revocation, row.createdAt());
    }
}
