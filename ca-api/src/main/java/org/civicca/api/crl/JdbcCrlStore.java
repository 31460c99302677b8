package org.civicca.api.crl;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.civicca.api.web.ApiMessage;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.crl.PublishedCrl;
import org.civicca.core.store.CrlStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * CRLs in the database. The CRL number is counted up by an {@code UPDATE} of the CA's row, whose row lock serializes
 * numbering across threads and nodes until the CRL is saved and committed. An UPDATE rather than
 * {@code SELECT … FOR UPDATE}: on PostgreSQL the latter also blocks the foreign-key checks of every certificate
 * inserted for that CA, stalling issuance for as long as a CRL takes to build; an update of a non-key column does not.
 */
@Component
class JdbcCrlStore implements CrlStore {

    /** The audit actions that change a CA's revoked list, as {@code Revocations} records them. */
    private static final List<String> CRL_CHANGES = List.of("certificate.revoked", "certificate.released");

    private final JdbcClient jdbc;

    JdbcCrlStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long nextCrlNumber(String caName) {
        if (jdbc.sql("UPDATE ca_authority SET crl_number = crl_number + 1 WHERE name = ?").param(caName).update() != 1) {
            throw new CaException(ErrorCode.UNKNOWN_CA, "ca", ApiMessage.CA_NOT_RECORDED, caName);
        }
        return jdbc.sql("SELECT crl_number FROM ca_authority WHERE name = ?").param(caName).query(Long.class).single();
    }

    @Override
    public void save(PublishedCrl crl) {
        jdbc.sql("INSERT INTO crl (ca_name, crl_number, this_update, next_update, der) VALUES (?, ?, ?, ?, ?)")
                .param(crl.caName()).param(crl.number()).param(utc(crl.thisUpdate())).param(utc(crl.nextUpdate())).param(crl.der())
                .update();
    }

    @Override
    public Optional<PublishedCrl> latest(String caName) {
        return jdbc.sql("""
                        SELECT ca_name, crl_number, this_update, next_update, der FROM crl
                         WHERE ca_name = ? ORDER BY crl_number DESC FETCH FIRST 1 ROWS ONLY""")
                .param(caName)
                .query((rs, n) -> new PublishedCrl(rs.getString(1), rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getBytes(5)))
                .optional();
    }

    /**
     * Takes the CA's CRL lock, the one {@link #nextCrlNumber} takes, held until the transaction ends, and returns the
     * window of its newest CRL: what a node checks before making a CRL that another node may just have made.
     */
    Optional<CrlWindow> lockNewestWindow(String caName) {
        jdbc.sql("UPDATE ca_authority SET crl_number = crl_number WHERE name = ?").param(caName).update();
        return jdbc.sql("""
                        SELECT this_update, next_update FROM crl
                         WHERE ca_name = ? ORDER BY crl_number DESC FETCH FIRST 1 ROWS ONLY""")
                .param(caName)
                .query((rs, n) -> new CrlWindow(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Records that this CRL lists every revocation and release audited up to {@code auditSequence}. */
    void recordAuditSequence(PublishedCrl crl, long auditSequence) {
        jdbc.sql("UPDATE crl SET audit_sequence = ? WHERE ca_name = ? AND crl_number = ?")
                .param(auditSequence).param(crl.caName()).param(crl.number()).update();
    }

    /**
     * Whether this CA's newest CRL may miss a revocation, hold or release: one was audited after that CRL read the
     * revoked certificates (the audit actions are those {@code Revocations} records), or the CRL was made before CRLs
     * recorded what they read. False when there is no CRL at all, which is missing rather than stale.
     */
    boolean mayMissRevocations(String caName) {
        List<Long> read = jdbc.sql("""
                        SELECT COALESCE(audit_sequence, -1) FROM crl WHERE ca_name = ?
                         ORDER BY crl_number DESC FETCH FIRST 1 ROWS ONLY""")
                .param(caName).query(Long.class).list();
        if (read.isEmpty()) {
            return false;
        }
        if (read.get(0) < 0) {
            return true;
        }
        long after = read.get(0);
        return CRL_CHANGES.stream().anyMatch(action -> jdbc.sql("""
                        SELECT 1 FROM audit_event a JOIN certificate c ON c.serial = a.target
                         WHERE a.action = ? AND a.sequence > ? AND c.issuer = ?
                         FETCH FIRST 1 ROWS ONLY""")
                .param(action).param(after).param(caName).query(Integer.class).optional().isPresent());
    }

    /** The newest CRL number made for this CA by any node, or 0. */
    long latestNumber(String caName) {
        return jdbc.sql("SELECT COALESCE(MAX(crl_number), 0) FROM crl WHERE ca_name = ?").param(caName).query(Long.class).single();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
