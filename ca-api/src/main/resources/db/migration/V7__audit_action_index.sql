-- The audit entries of one kind in chain order: the check for revocations audited after the newest CRL (every 30 s,
-- CrlScheduler) and the audit listing's action filter read a range of it instead of every entry since then.
CREATE INDEX audit_event_action_sequence ON audit_event (action, sequence);
