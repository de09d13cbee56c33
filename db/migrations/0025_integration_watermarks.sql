-- How far an incremental pull from a provider has read (the ERP's item quantities by update time). The row is locked
-- while a pull runs, so two hosts never pull the same pages at once.
CREATE TABLE integration_watermarks (
    name                VARCHAR(100) PRIMARY KEY,
    value               TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
