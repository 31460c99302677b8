-- The audit trail becomes a hash chain: each entry has a sequence number, the previous entry's hash and its own.
-- audit_head is the chain's head and the lock every append takes; audit_checkpoint holds signed heads.

ALTER TABLE audit_event ADD COLUMN sequence BIGINT;
ALTER TABLE audit_event ADD COLUMN token_id VARCHAR(36);
ALTER TABLE audit_event ADD COLUMN source_address VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN outcome VARCHAR(16);
ALTER TABLE audit_event ADD COLUMN request_id VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN previous_hash VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN entry_hash VARCHAR(64);
CREATE UNIQUE INDEX audit_event_sequence ON audit_event (sequence);

CREATE TABLE audit_head (
    id          INT         NOT NULL PRIMARY KEY,
    sequence    BIGINT      NOT NULL,
    entry_hash  VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, sequence, entry_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE audit_checkpoint (
    sequence    BIGINT      NOT NULL PRIMARY KEY,
    entry_hash  VARCHAR(64) NOT NULL,
    signed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    signature   BYTEA       NOT NULL
);
