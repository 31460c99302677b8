-- The audit chain's head when a CRL read the revoked certificates: a revocation or release audited after it may be
-- missing from that CRL, which is then remade (CrlScheduler). NULL for CRLs made before this column: remade once.
ALTER TABLE crl ADD COLUMN audit_sequence BIGINT;
