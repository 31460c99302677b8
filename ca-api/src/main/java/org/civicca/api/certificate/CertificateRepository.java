package org.civicca.api.certificate;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface CertificateRepository extends ListCrudRepository<CertificateRow, String> {

    // Written out: Spring Data JDBC derives a query from the method name anew at every call, which cost more than the
    // database's own work on the issuance path (JFR).
    @Query("SELECT * FROM certificate WHERE request_id = :requestId")
    Optional<CertificateRow> findByRequestId(String requestId);

    @Modifying
    @Query("""
            UPDATE certificate
               SET status = :next, revoked_at = :revokedAt, revocation_reason = :reason, invalidity_date = :invalidityDate
             WHERE serial = :serial AND status = :expected""")
    int updateStatus(String serial, String expected, String next, Instant revokedAt, String reason, Instant invalidityDate);

}
