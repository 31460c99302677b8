-- Accounts with roles; every token belongs to one. The first admin token of V1 becomes the admin account's.

CREATE TABLE account (
    id          VARCHAR(36) NOT NULL PRIMARY KEY,
    name        VARCHAR(64) NOT NULL UNIQUE,
    role        VARCHAR(16) NOT NULL,
    agency      VARCHAR(64) REFERENCES agency (code),
    enabled     BOOLEAN     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO account (id, name, role, agency, enabled, created_at)
SELECT '00000000-0000-0000-0000-000000000001', 'admin', 'ADMIN', NULL, TRUE, MIN(created_at)
  FROM api_token WHERE account = 'admin' HAVING COUNT(*) > 0;

ALTER TABLE api_token ADD COLUMN account_id VARCHAR(36);
UPDATE api_token SET account_id = '00000000-0000-0000-0000-000000000001' WHERE account = 'admin';
DELETE FROM api_token WHERE account_id IS NULL;
ALTER TABLE api_token DROP COLUMN account;
ALTER TABLE api_token ALTER COLUMN account_id SET NOT NULL;
ALTER TABLE api_token ADD CONSTRAINT api_token_account FOREIGN KEY (account_id) REFERENCES account (id);
CREATE INDEX api_token_account_id ON api_token (account_id);

-- Who revoked, and the ticket they gave.
ALTER TABLE certificate ADD COLUMN revoked_by VARCHAR(64);
ALTER TABLE certificate ADD COLUMN revocation_ticket VARCHAR(128);
