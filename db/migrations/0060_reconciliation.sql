-- ADDED (issue 17, not in the design): statement reconciliation. An admin uploads a bank or payment-app export;
-- each line is kept (outgoing lines and fees too, never matched), deduplicated across overlapping exports, and
-- matched to the manual payment it proves.

CREATE TABLE reconciliation_statements (
    id                   UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    source               VARCHAR(20)  NOT NULL,
    layout               VARCHAR(50)  NOT NULL,       -- the column layout the file was read with
    file_name            VARCHAR(255),
    file_sha256          VARCHAR(64)  NOT NULL,
    line_count           INTEGER      NOT NULL,       -- data lines in the file
    new_line_count       INTEGER      NOT NULL,       -- of them, not seen in an earlier import
    imported_by          UUID REFERENCES users(id),
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    CONSTRAINT reconciliation_statements_source_valid CHECK (source IN ('cashapp', 'venmo', 'zelle_bank', 'generic')),
    CONSTRAINT reconciliation_statements_counts_valid CHECK (line_count >= 0 AND new_line_count BETWEEN 0 AND line_count)
);

CREATE INDEX idx_reconciliation_statements_created ON reconciliation_statements(created_at DESC, id DESC);

CREATE TABLE reconciliation_lines (
    id                       UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    statement_id             UUID NOT NULL REFERENCES reconciliation_statements(id),
    source                   VARCHAR(20)  NOT NULL,
    line_number              INTEGER      NOT NULL,   -- 1-based line of the file (the header is line 1)
    posted_on                DATE         NOT NULL,
    amount_cents             INTEGER      NOT NULL,   -- always positive; direction says which way
    direction                VARCHAR(10)  NOT NULL,   -- incoming, outgoing (payments and refunds sent), fee
    counterparty_name        VARCHAR(200),
    counterparty_handle      VARCHAR(200),            -- $cashtag, @venmo, email or phone
    memo                     TEXT,
    provider_transaction_id  VARCHAR(100),
    dedupe_key               VARCHAR(120) NOT NULL,   -- txn:<provider id>, else sha256 of the normalised line + occurrence
    raw_line                 TEXT         NOT NULL,
    status                   VARCHAR(12)  NOT NULL DEFAULT 'unmatched',
    matched_payment_id       UUID REFERENCES payments(id),
    score                    INTEGER,                 -- 0-100, best candidate
    reasons                  JSONB,                   -- why: reference_in_memo, amount_equal, name_similar...
    candidates               JSONB,                   -- [{ paymentId, paymentReference, score, reasons }]
    decision_note            TEXT,                    -- the dismiss reason, or the confirming admin's note
    decided_by               UUID REFERENCES users(id),
    decided_at               TIMESTAMPTZ,
    created_at               TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    updated_at               TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    CONSTRAINT reconciliation_lines_amount_positive CHECK (amount_cents > 0),
    CONSTRAINT reconciliation_lines_direction_valid CHECK (direction IN ('incoming', 'outgoing', 'fee')),
    CONSTRAINT reconciliation_lines_status_valid CHECK (status IN ('matched', 'suggested', 'unmatched', 'dismissed')),
    CONSTRAINT reconciliation_lines_score_range CHECK (score IS NULL OR score BETWEEN 0 AND 100),
    -- A line verifies a payment exactly when it is matched: one column, so one line never verifies two payments.
    CONSTRAINT reconciliation_lines_matched_has_payment CHECK ((status = 'matched') = (matched_payment_id IS NOT NULL)),
    -- Only money that came in is ever matched.
    CONSTRAINT reconciliation_lines_only_incoming_matched CHECK (status <> 'matched' OR direction = 'incoming')
);

-- The same transfer in two overlapping exports is one line.
CREATE UNIQUE INDEX reconciliation_lines_dedupe_unique ON reconciliation_lines(source, dedupe_key);
-- One payment is never matched by two lines.
CREATE UNIQUE INDEX reconciliation_lines_payment_unique ON reconciliation_lines(matched_payment_id) WHERE matched_payment_id IS NOT NULL;
CREATE INDEX idx_reconciliation_lines_statement ON reconciliation_lines(statement_id, line_number);
CREATE INDEX idx_reconciliation_lines_status ON reconciliation_lines(status, posted_on, id);

-- Reused proofs: the SHA-256 of the proof file a customer uploaded, to find the same screenshot on another payment.
ALTER TABLE payments ADD COLUMN proof_sha256 VARCHAR(64);
CREATE INDEX idx_payments_proof_sha256 ON payments(proof_sha256) WHERE proof_sha256 IS NOT NULL;
CREATE INDEX idx_payments_customer_reference ON payments(lower(customer_reference)) WHERE customer_reference IS NOT NULL;
