-- The orphan proof cleanup (Payments/Jobs/OrphanProofCleanupJob) asks, for each batch of stored proof files older than
-- the grace period, which of them a payment names (proof_file_url = ANY(@keys)): an index probe per key instead of a
-- scan of payments per batch. Partial: most payments carry no file.
CREATE INDEX idx_payments_proof_file_url ON payments (proof_file_url) WHERE proof_file_url IS NOT NULL;
