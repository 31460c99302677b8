package org.civicca.api.audit;

import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.civicca.core.audit.ChainVerification;
import org.civicca.core.audit.ChainVerifier;
import org.civicca.core.audit.Checkpoint;
import org.civicca.core.pem.Pem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Verifies the stored chain against its hashes and signed checkpoints. */
@Service
class AuditVerification {

    private final AuditQueries queries;
    private final AuditCheckpoints checkpoints;
    private final AuditKey key;

    AuditVerification(AuditQueries queries, AuditCheckpoints checkpoints, AuditKey key) {
        this.queries = queries;
        this.checkpoints = checkpoints;
        this.key = key;
    }

    @Transactional(readOnly = true)
    ChainVerification verify() {
        return new ChainVerifier(publicKey(), AuditKey.ALGORITHM).verify(queries.chain(), checkpoints.all());
    }

    List<Checkpoint> checkpoints() {
        return checkpoints.all();
    }

    List<Checkpoint> signNow() {
        Optional<Checkpoint> signed = checkpoints.signHead();
        return signed.map(List::of).orElse(List.of());
    }

    String keyPem() {
        return Pem.certificate(key.certificate());
    }

    private PublicKey publicKey() {
        try {
            return new JcaX509CertificateConverter().getCertificate(key.certificate()).getPublicKey();
        } catch (CertificateException e) {
            throw new IllegalStateException("the audit key's certificate cannot be read", e);
        }
    }
}
