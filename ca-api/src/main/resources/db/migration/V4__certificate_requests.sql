-- Clerk requests that wait for an officer (four eyes).
CREATE TABLE certificate_request (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    request_id      VARCHAR(64)   UNIQUE,
    profile         VARCHAR(64)   NOT NULL,
    agency          VARCHAR(64)   NOT NULL REFERENCES agency (code),
    common_name     VARCHAR(256)  NOT NULL,
    fingerprint     VARCHAR(64)   NOT NULL,
    body            VARCHAR(65536) NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    requested_by    VARCHAR(64)   NOT NULL,
    requested_by_id VARCHAR(36)   NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by      VARCHAR(64),
    decided_at      TIMESTAMP WITH TIME ZONE,
    reason          VARCHAR(512),
    serial          VARCHAR(40)
);
CREATE INDEX certificate_request_agency_state ON certificate_request (agency, state);
