package org.civicca.api.request;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface CertificateRequestRepository extends ListCrudRepository<CertificateRequestRow, String> {

    // Written out for the reason given in CertificateRepository.
    @Query("SELECT * FROM certificate_request WHERE request_id = :requestId")
    Optional<CertificateRequestRow> findByRequestId(String requestId);

    /** Decides a request only if it is still pending: the loser of two simultaneous decisions changes nothing. */
    @Modifying
    @Query("""
            UPDATE certificate_request SET state = :state, decided_by = :decidedBy, decided_at = :decidedAt, reason = :reason
             WHERE id = :id AND state = 'PENDING'""")
    int decide(String id, String state, String decidedBy, Instant decidedAt, String reason);

    @Modifying
    @Query("UPDATE certificate_request SET serial = :serial WHERE id = :id")
    int recordSerial(String id, String serial);
}
