-- Rows that nodes sharing one database lock (SELECT ... FOR UPDATE) to do one-off work one at a time.
-- 'first-start': the work of a first start (CA keys and the audit key in the keystore, the first admin account).
CREATE TABLE node_lock (
    name VARCHAR(64) NOT NULL PRIMARY KEY
);
INSERT INTO node_lock (name) VALUES ('first-start');
