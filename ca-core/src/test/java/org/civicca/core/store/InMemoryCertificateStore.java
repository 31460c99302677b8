package org.civicca.core.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.civicca.core.SerialNumber;
import org.civicca.core.revoke.CertificateStatus;
import org.civicca.core.revoke.Revocation;

/** A map-backed {@link CertificateStore} with the same contract as the database one: unique serials and requestIds, compare-and-set status. */
public class InMemoryCertificateStore implements CertificateStore {

    private final Map<SerialNumber, CertificateRecord> bySerial = new LinkedHashMap<>();

    @Override
    public synchronized void insert(CertificateRecord record) {
        if (bySerial.containsKey(record.serial())) {
            throw new IllegalStateException("duplicate serial " + record.serial());
        }
        if (record.requestId().isPresent() && findStored(record.requestId().get()).isPresent()) {
            throw new DuplicateRequestException(record.requestId().get(), null);
        }
        bySerial.put(record.serial(), record);
    }

    @Override
    public synchronized void insertAll(List<CertificateRecord> records) {
        Map<SerialNumber, CertificateRecord> before = new LinkedHashMap<>(bySerial);
        try {
            records.forEach(this::insert);
        } catch (RuntimeException e) {
            bySerial.clear();
            bySerial.putAll(before);
            throw e;
        }
    }

    @Override
    public synchronized Optional<CertificateRecord> findBySerial(SerialNumber serial) {
        return Optional.ofNullable(bySerial.get(serial));
    }

    @Override
    public synchronized Optional<CertificateRecord> findByRequestId(String requestId) {
        return findStored(requestId);
    }

    protected final synchronized Optional<CertificateRecord> findStored(String requestId) {
        return bySerial.values().stream().filter(r -> r.requestId().equals(Optional.of(requestId))).findFirst();
    }

    @Override
    public synchronized boolean updateStatus(SerialNumber serial, CertificateStatus expected, CertificateStatus next,
                                             Optional<Revocation> revocation) {
        CertificateRecord current = bySerial.get(serial);
        if (current == null || current.status() != expected) {
            return false;
        }
        bySerial.put(serial, current.withStatus(next, revocation));
        return true;
    }

    @Override
    public synchronized Stream<RevokedEntry> revokedEntries(String issuer) {
        List<RevokedEntry> entries = new ArrayList<>();
        for (CertificateRecord record : bySerial.values()) {
            boolean listed = record.status() == CertificateStatus.REVOKED || record.status() == CertificateStatus.ON_HOLD;
            if (record.issuer().equals(issuer) && listed) {
                entries.add(new RevokedEntry(record.serial(), record.revocation().orElseThrow()));
            }
        }
        return entries.stream();
    }

    public synchronized int size() {
        return bySerial.size();
    }
}
