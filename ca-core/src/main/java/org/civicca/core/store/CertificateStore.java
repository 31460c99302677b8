package org.civicca.core.store;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.civicca.core.SerialNumber;
import org.civicca.core.revoke.CertificateStatus;
import org.civicca.core.revoke.Revocation;

/** Where issued certificates live. Implemented by the service over its database; called inside its transactions. */
public interface CertificateStore {

    /**
     * Stores a new certificate.
     *
     * @throws DuplicateRequestException when a certificate for the same requestId already exists
     */
    void insert(CertificateRecord record);

    /**
     * Stores new certificates together, in one round trip where the database allows: all or none. Any duplicate
     * fails the whole group; a caller that must tell which one failed stores them one by one with {@link #insert}.
     */
    void insertAll(List<CertificateRecord> records);

    Optional<CertificateRecord> findBySerial(SerialNumber serial);

    Optional<CertificateRecord> findByRequestId(String requestId);

    /** Changes status only if it still is {@code expected}; false when another writer got there first. */
    boolean updateStatus(SerialNumber serial, CertificateStatus expected, CertificateStatus next, Optional<Revocation> revocation);

    /**
     * Every certificate of this issuer that is revoked or on hold, for its CRL, read as the caller goes: a CRL may list
     * a million. The caller closes the stream.
     */
    Stream<RevokedEntry> revokedEntries(String issuer);
}
