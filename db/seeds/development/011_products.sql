-- Development seed: a catalog of 21 active products (18 research peptides, 1 kit, 2 accessories), their
-- category assignments and their batches with verified certificates of analysis (COA).
--
-- What the catalog covers for tests:
--   low stock        exactly one product below its threshold: Epitalon 10mg, 5 on hand (threshold 10)
--   requires_kyc     Semaglutide, Tirzepatide, Tesamorelin, Retatrutide
--   restricted US    Semaglutide and Tirzepatide {NY,CA}, Tesamorelin {MS}, Retatrutide {NY,CA,MS}
--   states           (none restricts TX, the state of the seeded customer addresses)
--   restricted       Semaglutide and Tirzepatide {CA,AU,GB,NZ,IE}, Retatrutide {CA,AU,GB,NZ,IE,DE};
--   countries        every other product has the column default {CA,AU,GB}
--   no age check     the two accessories (bacteriostatic water, syringes)
--   batches          one or two verified, active batches per product, dated relative to the day of the first
--                    seed run (made 60 or 180 days before, expiring 700 or 550 days after); the sum of the
--                    remaining quantities of a product equals its quantity on hand
--
-- Runs on every seed run, so it must be idempotent: a second run inserts nothing and fails nowhere.
--
-- UUID scheme of all seed files: 00000000-0000-4000-8000-000000TTTNNN, where TTT is the table and NNN the row.
--   TTT 001 payment_methods, 002 product_categories, 010 users, 011 user_profiles, 012 user_addresses,
--   TTT 030 discounts.
--   Here: TTT 020 products, NNN = product number 001-021 (020001 BPC-157 ... 020021 syringes);
--         TTT 021 product_batches, NNN = two-digit product number then batch number
--         (021011 = product 01 batch 1, 021182 = product 18 batch 2).
--
-- What follows the seed on re-seed, and what does not:
--   products         descriptive, pricing and compliance columns follow the seed (the update is skipped when
--                    nothing differs). Never updated: quantity_on_hand and quantity_reserved (stock is live:
--                    orders reserve and consume it), status, published_at, deleted_at, ERP columns.
--                    A row whose sku or slug is already held by another product is skipped, not failed.
--   assignments      inserted once (ON CONFLICT DO NOTHING, which also respects one primary per product).
--   batches          inserted once (quantity_remaining is live); COA verified by admin@sbb.local.
--   current batch    products.current_batch_number and current_coa_url are set to the newest verified,
--                    active, unexpired batch of each seeded product.

-- -----------------------------------------------------------------------------------------------------------
-- Products
-- -----------------------------------------------------------------------------------------------------------
INSERT INTO products (
    id, sku, name, slug, product_type, status, price_cents, compare_at_cents, cost_cents,
    track_inventory, quantity_on_hand, quantity_reserved, low_stock_threshold, weight_grams, short_description,
    requires_age_verification, requires_kyc, restricted_states, restricted_countries, published_at)
SELECT v.id::uuid, v.sku, v.name, v.slug, v.product_type::product_type, 'active', v.price_cents,
       v.compare_at_cents, v.cost_cents, TRUE, v.quantity_on_hand, 0, 10, v.weight_grams, v.short_description,
       v.requires_age_verification, v.requires_kyc, v.restricted_states::text[], v.restricted_countries::text[],
       now()
FROM (VALUES
    ('00000000-0000-4000-8000-000000020001', 'SBB-BPC157-5MG', 'BPC-157 5mg', 'bpc-157-5mg', 'peptide',
     4999, 5999, 1100, 420, 12, TRUE, FALSE, NULL, '{CA,AU,GB}',
     'BPC-157 (Body Protection Compound-157), a synthetic 15-amino-acid fragment of a gastric protein. '
     || '5 mg lyophilized powder per vial, purity >= 99% by HPLC. For laboratory research use only. '
     || 'Not for human consumption.'),
    ('00000000-0000-4000-8000-000000020002', 'SBB-TB500-5MG', 'TB-500 5mg', 'tb-500-5mg', 'peptide',
     5499, NULL, 1400, 310, 12, TRUE, FALSE, NULL, '{CA,AU,GB}',
     'TB-500, a synthetic fragment of thymosin beta-4 studied in cell migration and tissue repair. '
     || '5 mg lyophilized powder per vial, purity >= 99% by HPLC. For laboratory research use only. '
     || 'Not for human consumption.'),
    ('00000000-0000-4000-8000-000000020003', 'SBB-SEMA-5MG', 'Semaglutide 5mg', 'semaglutide-5mg', 'peptide',
     8999, 10999, 2200, 260, 12, TRUE, TRUE, '{NY,CA}', '{CA,AU,GB,NZ,IE}',
     'Semaglutide, a long-acting GLP-1 receptor agonist. 5 mg lyophilized powder per vial, purity >= 99% by '
     || 'HPLC. Identity verification (KYC) required. For laboratory research use only. Not for human consumption.'),
    ('00000000-0000-4000-8000-000000020004', 'SBB-TIRZ-10MG', 'Tirzepatide 10mg', 'tirzepatide-10mg', 'peptide',
     12999, 14999, 3400, 240, 12, TRUE, TRUE, '{NY,CA}', '{CA,AU,GB,NZ,IE}',
     'Tirzepatide, a dual GIP and GLP-1 receptor agonist. 10 mg lyophilized powder per vial, purity >= 99% by '
     || 'HPLC. Identity verification (KYC) required. For laboratory research use only. Not for human consumption.'),
    ('00000000-0000-4000-8000-000000020005', 'SBB-IPA-5MG', 'Ipamorelin 5mg', 'ipamorelin-5mg', 'peptide',
     3999, NULL, 900, 380, 12, TRUE, FALSE, NULL, '{CA,AU,GB}',
     'Ipamorelin, a selective pentapeptide ghrelin receptor agonist (growth hormone secretagogue). '
     || '5 mg lyophilized powder per vial, purity >= 99% by HPLC. For laboratory research use only. '
     || 'Not for human consumption.'),
    ('00000000-0000-4000-8000-000000020006', 'SBB-CJC1295-NODAC-5MG', 'CJC-1295 (no DAC) 5mg', 'cjc-1295-no-dac-5mg',
     'peptide', 4499, NULL, 1000, 290, 12, TRUE, FALSE, NULL, '{CA,AU,GB}',
     'CJC-1295 without DAC (modified GRF 1-29), a growth hormone releasing hormone analogue. '
     || '5 mg lyophilized powder per vial, purity >= 99% by HPLC. For laboratory research use only. '
     || 'Not for human consumption.'),
    ('00000000-0000-4000-8000-000000020007', 'SBB-GHKCU-50MG', 'GHK-Cu 50mg', 'ghk-cu-50mg', 'peptide',
     3499, 3999, 700, 450, 14, TRUE, FALSE, NULL, '{CA,AU,GB}',
     'GHK-Cu, the copper complex of the tripeptide glycyl-L-histidyl-L-lysine, studied in skin and tissue '
     || 'remodelling. 50 mg lyophilized powder per vial, purity >= 99% by HPLC. For laboratory research use only. '
     || 'Not for human consumption.'),
    ('00000000-0000-4000-8000-000000020008', 'SBB-SELANK-5MG', 'Selank 5mg', 'selank-5mg', 'peptide',
     4299, NULL, 1000, 180, 12, TRUE, FALSE, NULL, '{CA,AU,GB}',
     'Selank, a synthetic heptapeptide analogue of tuftsin studied for anxiolytic activity. '
     || '5 mg lyophilized powder per vial, purity >= 99% by HPLC. For laboratory research use only. '
     || 'Not for human consumption.'),
    ('00000000-0000-4000-8000-000000020009', 'SBB-SEMAX-5MG', 'Semax 5mg', 'semax-5mg', 'peptide',
     4299, NULL, 1000, 170, 12, TRUE, FALSE, NULL, '{CA,AU,GB}',
     'Semax, a synthetic heptapeptide derived from ACTH(4-10) studied in cognition and neuroprotection. '
     || '5 mg lyophilized powder per vial, purity >= 99% by HPLC. For laboratory research use only. '
     || 'Not for human consumption.'),
    ('00000000-0000-4000-8000-000000020010', 'SBB-EPITALON-10MG', 'Epitalon 10mg', 'epitalon-10mg', 'peptide',
     4999, NULL, 1200, 5, 12, TRUE, FALSE, NULL, '{CA,AU,GB}',
     'Epitalon (epithalon), a synthetic tetrapeptide studied in telomerase activity and ageing. '
     || '10 mg lyophilized powder per vial, purity >= 99% by HPLC. For laboratory research use only. '
     || 'Not for human consumption.'),
    ('00000000-0000-4000-8000-000000020011', 'SBB-MOTSC-10MG', 'MOTS-c 10mg', 'mots-c-10mg', 'peptide',
     6499, NULL, 1600, 150, 12, TRUE, FALSE, NULL, '{CA,AU,GB}',
     'MOTS-c, a mitochondria-derived peptide studied in metabolic regulation and insulin sensitivity. '
     || '10 mg lyophilized powder per vial, purity >= 99% by HPLC. For laboratory research use only. '
     || 'Not for human consumption.'),
    ('00000000-0000-4000-8000-000000020012', 'SBB-AOD9604-5MG', 'AOD-9604 5mg', 'aod-9604-5mg', 'peptide',
     5499, NULL, 1300, 200, 12, TRUE, FALSE, NULL, '{CA,AU,GB}',
     'AOD-9604, a modified fragment (176-191) of human growth hormone studied in lipid metabolism. '
     || '5 mg lyophilized powder per vial, purity >= 99% by HPLC. For laboratory research use only. '
     || 'Not for human consumption.'),
    ('00000000-0000-4000-8000-000000020013', 'SBB-TESA-10MG', 'Tesamorelin 10mg', 'tesamorelin-10mg', 'peptide',
     9999, NULL, 2600, 120, 12, TRUE, TRUE, '{MS}', '{CA,AU,GB}',
     'Tesamorelin, a stabilized growth hormone releasing hormone analogue. 10 mg lyophilized powder per vial, '
     || 'purity >= 99% by HPLC. Identity verification (KYC) required. For laboratory research use only. '
     || 'Not for human consumption.'),
    ('00000000-0000-4000-8000-000000020014', 'SBB-PT141-10MG', 'PT-141 10mg', 'pt-141-10mg', 'peptide',
     4499, NULL, 1000, 220, 12, TRUE, FALSE, NULL, '{CA,AU,GB}',
     'PT-141 (bremelanotide), a cyclic melanocortin receptor agonist. 10 mg lyophilized powder per vial, '
     || 'purity >= 99% by HPLC. For laboratory research use only. Not for human consumption.'),
    ('00000000-0000-4000-8000-000000020015', 'SBB-TA1-5MG', 'Thymosin Alpha-1 5mg', 'thymosin-alpha-1-5mg', 'peptide',
     6999, NULL, 1700, 140, 12, TRUE, FALSE, NULL, '{CA,AU,GB}',
     'Thymosin alpha-1, a 28-amino-acid thymic peptide studied in immune modulation. 5 mg lyophilized powder '
     || 'per vial, purity >= 99% by HPLC. For laboratory research use only. Not for human consumption.'),
    ('00000000-0000-4000-8000-000000020016', 'SBB-KPV-10MG', 'KPV 10mg', 'kpv-10mg', 'peptide',
     4999, NULL, 1100, 160, 12, TRUE, FALSE, NULL, '{CA,AU,GB}',
     'KPV (lysine-proline-valine), the C-terminal tripeptide of alpha-MSH studied for anti-inflammatory '
     || 'activity. 10 mg lyophilized powder per vial, purity >= 99% by HPLC. For laboratory research use only. '
     || 'Not for human consumption.'),
    ('00000000-0000-4000-8000-000000020017', 'SBB-DSIP-5MG', 'DSIP 5mg', 'dsip-5mg', 'peptide',
     3999, NULL, 900, 130, 12, TRUE, FALSE, NULL, '{CA,AU,GB}',
     'DSIP (delta sleep-inducing peptide), a nonapeptide studied in sleep regulation and stress response. '
     || '5 mg lyophilized powder per vial, purity >= 99% by HPLC. For laboratory research use only. '
     || 'Not for human consumption.'),
    ('00000000-0000-4000-8000-000000020018', 'SBB-RETA-10MG', 'Retatrutide 10mg', 'retatrutide-10mg', 'peptide',
     15999, 17999, 4200, 110, 12, TRUE, TRUE, '{NY,CA,MS}', '{CA,AU,GB,NZ,IE,DE}',
     'Retatrutide, a triple GIP, GLP-1 and glucagon receptor agonist. 10 mg lyophilized powder per vial, '
     || 'purity >= 99% by HPLC. Identity verification (KYC) required. For laboratory research use only. '
     || 'Not for human consumption.'),
    ('00000000-0000-4000-8000-000000020019', 'SBB-KIT-BPC157-TB500', 'BPC-157 + TB-500 Recovery Kit',
     'bpc-157-tb-500-recovery-kit', 'kit', 9999, 10998, 2700, 60, 60, TRUE, FALSE, NULL, '{CA,AU,GB}',
     'Research kit: one vial of BPC-157 5mg, one vial of TB-500 5mg and one 30 ml vial of bacteriostatic water, '
     || 'each with its certificate of analysis. For laboratory research use only. Not for human consumption.'),
    ('00000000-0000-4000-8000-000000020020', 'SBB-BACWATER-30ML', 'Bacteriostatic Water 30ml',
     'bacteriostatic-water-30ml', 'accessory', 1499, NULL, 250, 800, 70, FALSE, FALSE, NULL, '{CA,AU,GB}',
     'Sterile water for injection with 0.9% benzyl alcohol, 30 ml multi-dose vial, for reconstituting '
     || 'lyophilized peptides.'),
    ('00000000-0000-4000-8000-000000020021', 'SBB-SYRINGE-1ML-10PK', 'Insulin Syringes 1ml 29G (10 pack)',
     'insulin-syringes-1ml-10-pack', 'accessory', 999, NULL, 150, 600, 45, FALSE, FALSE, NULL, '{CA,AU,GB}',
     'Ten sterile single-use 1 ml (U-100) syringes with a fixed 29G 1/2 inch needle, for measuring '
     || 'reconstituted solutions.')
) AS v (id, sku, name, slug, product_type, price_cents, compare_at_cents, cost_cents, quantity_on_hand,
        weight_grams, requires_age_verification, requires_kyc, restricted_states, restricted_countries,
        short_description)
WHERE NOT EXISTS (
    SELECT 1 FROM products p WHERE p.id <> v.id::uuid AND (p.sku = v.sku OR p.slug = v.slug))
ON CONFLICT (id) DO UPDATE SET
    sku = EXCLUDED.sku,
    name = EXCLUDED.name,
    slug = EXCLUDED.slug,
    product_type = EXCLUDED.product_type,
    price_cents = EXCLUDED.price_cents,
    compare_at_cents = EXCLUDED.compare_at_cents,
    cost_cents = EXCLUDED.cost_cents,
    track_inventory = EXCLUDED.track_inventory,
    low_stock_threshold = EXCLUDED.low_stock_threshold,
    weight_grams = EXCLUDED.weight_grams,
    short_description = EXCLUDED.short_description,
    requires_age_verification = EXCLUDED.requires_age_verification,
    requires_kyc = EXCLUDED.requires_kyc,
    restricted_states = EXCLUDED.restricted_states,
    restricted_countries = EXCLUDED.restricted_countries,
    updated_at = now()
WHERE (products.sku, products.name, products.slug, products.product_type, products.price_cents,
       products.compare_at_cents, products.cost_cents, products.track_inventory, products.low_stock_threshold,
       products.weight_grams, products.short_description, products.requires_age_verification,
       products.requires_kyc, products.restricted_states, products.restricted_countries)
   IS DISTINCT FROM
      (EXCLUDED.sku, EXCLUDED.name, EXCLUDED.slug, EXCLUDED.product_type, EXCLUDED.price_cents,
       EXCLUDED.compare_at_cents, EXCLUDED.cost_cents, EXCLUDED.track_inventory, EXCLUDED.low_stock_threshold,
       EXCLUDED.weight_grams, EXCLUDED.short_description, EXCLUDED.requires_age_verification,
       EXCLUDED.requires_kyc, EXCLUDED.restricted_states, EXCLUDED.restricted_countries);

-- -----------------------------------------------------------------------------------------------------------
-- Category assignments: exactly one primary per product; categories are found by slug (base seed 002).
-- -----------------------------------------------------------------------------------------------------------
INSERT INTO product_category_assignments (product_id, category_id, is_primary)
SELECT p.id, c.id, v.is_primary
FROM (VALUES
    ('00000000-0000-4000-8000-000000020001', 'healing-recovery', TRUE),
    ('00000000-0000-4000-8000-000000020001', 'peptides', FALSE),
    ('00000000-0000-4000-8000-000000020002', 'healing-recovery', TRUE),
    ('00000000-0000-4000-8000-000000020002', 'peptides', FALSE),
    ('00000000-0000-4000-8000-000000020003', 'metabolic', TRUE),
    ('00000000-0000-4000-8000-000000020003', 'peptides', FALSE),
    ('00000000-0000-4000-8000-000000020004', 'metabolic', TRUE),
    ('00000000-0000-4000-8000-000000020004', 'peptides', FALSE),
    ('00000000-0000-4000-8000-000000020005', 'growth-hormone-secretagogues', TRUE),
    ('00000000-0000-4000-8000-000000020005', 'peptides', FALSE),
    ('00000000-0000-4000-8000-000000020006', 'growth-hormone-secretagogues', TRUE),
    ('00000000-0000-4000-8000-000000020006', 'peptides', FALSE),
    ('00000000-0000-4000-8000-000000020007', 'healing-recovery', TRUE),
    ('00000000-0000-4000-8000-000000020007', 'peptides', FALSE),
    ('00000000-0000-4000-8000-000000020007', 'longevity', FALSE),
    ('00000000-0000-4000-8000-000000020008', 'cognitive', TRUE),
    ('00000000-0000-4000-8000-000000020008', 'peptides', FALSE),
    ('00000000-0000-4000-8000-000000020009', 'cognitive', TRUE),
    ('00000000-0000-4000-8000-000000020009', 'peptides', FALSE),
    ('00000000-0000-4000-8000-000000020010', 'longevity', TRUE),
    ('00000000-0000-4000-8000-000000020010', 'peptides', FALSE),
    ('00000000-0000-4000-8000-000000020011', 'metabolic', TRUE),
    ('00000000-0000-4000-8000-000000020011', 'peptides', FALSE),
    ('00000000-0000-4000-8000-000000020011', 'longevity', FALSE),
    ('00000000-0000-4000-8000-000000020012', 'metabolic', TRUE),
    ('00000000-0000-4000-8000-000000020012', 'peptides', FALSE),
    ('00000000-0000-4000-8000-000000020013', 'growth-hormone-secretagogues', TRUE),
    ('00000000-0000-4000-8000-000000020013', 'peptides', FALSE),
    ('00000000-0000-4000-8000-000000020014', 'peptides', TRUE),
    ('00000000-0000-4000-8000-000000020015', 'immune-support', TRUE),
    ('00000000-0000-4000-8000-000000020015', 'peptides', FALSE),
    ('00000000-0000-4000-8000-000000020016', 'healing-recovery', TRUE),
    ('00000000-0000-4000-8000-000000020016', 'peptides', FALSE),
    ('00000000-0000-4000-8000-000000020016', 'immune-support', FALSE),
    ('00000000-0000-4000-8000-000000020017', 'cognitive', TRUE),
    ('00000000-0000-4000-8000-000000020017', 'peptides', FALSE),
    ('00000000-0000-4000-8000-000000020018', 'metabolic', TRUE),
    ('00000000-0000-4000-8000-000000020018', 'peptides', FALSE),
    ('00000000-0000-4000-8000-000000020019', 'kits', TRUE),
    ('00000000-0000-4000-8000-000000020019', 'healing-recovery', FALSE),
    ('00000000-0000-4000-8000-000000020020', 'bacteriostatic-water', TRUE),
    ('00000000-0000-4000-8000-000000020020', 'accessories', FALSE),
    ('00000000-0000-4000-8000-000000020021', 'syringes', TRUE),
    ('00000000-0000-4000-8000-000000020021', 'accessories', FALSE)
) AS v (product_id, category_slug, is_primary)
JOIN products p ON p.id = v.product_id::uuid
JOIN product_categories c ON c.slug = v.category_slug
WHERE TRUE
ON CONFLICT DO NOTHING;

-- -----------------------------------------------------------------------------------------------------------
-- Batches: verified COA, active, dated relative to today. Batch 1 of a two-batch product is the older one.
-- -----------------------------------------------------------------------------------------------------------
INSERT INTO product_batches (
    id, product_id, batch_number, quantity_produced, quantity_remaining, coa_file_url,
    coa_verified, coa_verified_by, coa_verified_at, manufactured_at, expires_at, is_active)
SELECT v.id::uuid, p.id, v.batch_number, v.quantity_produced, v.quantity_remaining,
       'https://coa.sciencebasedbody.com/' || v.batch_number || '.pdf',
       TRUE, (SELECT u.id FROM users u WHERE u.email = 'admin@sbb.local'),
       now() - make_interval(days => v.made_days_ago - 14),
       current_date - v.made_days_ago, current_date + v.expires_in_days, TRUE
FROM (VALUES
    ('00000000-0000-4000-8000-000000021011', '00000000-0000-4000-8000-000000020001', 'BPC-2605-A', 300, 120, 180, 550),
    ('00000000-0000-4000-8000-000000021012', '00000000-0000-4000-8000-000000020001', 'BPC-2609-B', 300, 300, 60, 700),
    ('00000000-0000-4000-8000-000000021021', '00000000-0000-4000-8000-000000020002', 'TB500-2605-A', 200, 60, 180, 550),
    ('00000000-0000-4000-8000-000000021022', '00000000-0000-4000-8000-000000020002', 'TB500-2609-B', 250, 250, 60, 700),
    ('00000000-0000-4000-8000-000000021031', '00000000-0000-4000-8000-000000020003', 'SEMA-2605-A', 200, 60, 180, 550),
    ('00000000-0000-4000-8000-000000021032', '00000000-0000-4000-8000-000000020003', 'SEMA-2609-B', 200, 200, 60, 700),
    ('00000000-0000-4000-8000-000000021041', '00000000-0000-4000-8000-000000020004', 'TIRZ-2605-A', 150, 40, 180, 550),
    ('00000000-0000-4000-8000-000000021042', '00000000-0000-4000-8000-000000020004', 'TIRZ-2609-B', 200, 200, 60, 700),
    ('00000000-0000-4000-8000-000000021051', '00000000-0000-4000-8000-000000020005', 'IPA-2605-A', 200, 80, 180, 550),
    ('00000000-0000-4000-8000-000000021052', '00000000-0000-4000-8000-000000020005', 'IPA-2609-B', 300, 300, 60, 700),
    ('00000000-0000-4000-8000-000000021061', '00000000-0000-4000-8000-000000020006', 'CJC-2605-A', 150, 90, 180, 550),
    ('00000000-0000-4000-8000-000000021062', '00000000-0000-4000-8000-000000020006', 'CJC-2609-B', 200, 200, 60, 700),
    ('00000000-0000-4000-8000-000000021071', '00000000-0000-4000-8000-000000020007', 'GHK-2605-A', 300, 150, 180, 550),
    ('00000000-0000-4000-8000-000000021072', '00000000-0000-4000-8000-000000020007', 'GHK-2609-B', 300, 300, 60, 700),
    ('00000000-0000-4000-8000-000000021081', '00000000-0000-4000-8000-000000020008', 'SLK-2609-A', 200, 180, 60, 700),
    ('00000000-0000-4000-8000-000000021091', '00000000-0000-4000-8000-000000020009', 'SMX-2609-A', 200, 170, 60, 700),
    ('00000000-0000-4000-8000-000000021101', '00000000-0000-4000-8000-000000020010', 'EPI-2609-A', 100, 5, 60, 700),
    ('00000000-0000-4000-8000-000000021111', '00000000-0000-4000-8000-000000020011', 'MOTS-2609-A', 200, 150, 60, 700),
    ('00000000-0000-4000-8000-000000021121', '00000000-0000-4000-8000-000000020012', 'AOD-2609-A', 250, 200, 60, 700),
    ('00000000-0000-4000-8000-000000021131', '00000000-0000-4000-8000-000000020013', 'TESA-2609-A', 150, 120, 60, 700),
    ('00000000-0000-4000-8000-000000021141', '00000000-0000-4000-8000-000000020014', 'PT141-2609-A', 250, 220, 60, 700),
    ('00000000-0000-4000-8000-000000021151', '00000000-0000-4000-8000-000000020015', 'TA1-2609-A', 200, 140, 60, 700),
    ('00000000-0000-4000-8000-000000021161', '00000000-0000-4000-8000-000000020016', 'KPV-2609-A', 200, 160, 60, 700),
    ('00000000-0000-4000-8000-000000021171', '00000000-0000-4000-8000-000000020017', 'DSIP-2609-A', 150, 130, 60, 700),
    ('00000000-0000-4000-8000-000000021181', '00000000-0000-4000-8000-000000020018', 'RETA-2605-A', 100, 10, 180, 550),
    ('00000000-0000-4000-8000-000000021182', '00000000-0000-4000-8000-000000020018', 'RETA-2609-B', 100, 100, 60, 700),
    ('00000000-0000-4000-8000-000000021191', '00000000-0000-4000-8000-000000020019', 'KIT-2609-A', 100, 60, 60, 700),
    ('00000000-0000-4000-8000-000000021201', '00000000-0000-4000-8000-000000020020', 'BAC-2605-A', 500, 300, 180, 550),
    ('00000000-0000-4000-8000-000000021202', '00000000-0000-4000-8000-000000020020', 'BAC-2609-B', 500, 500, 60, 700),
    ('00000000-0000-4000-8000-000000021211', '00000000-0000-4000-8000-000000020021', 'SYR-2609-A', 1000, 600, 60, 700)
) AS v (id, product_id, batch_number, quantity_produced, quantity_remaining, made_days_ago, expires_in_days)
JOIN products p ON p.id = v.product_id::uuid
WHERE TRUE
ON CONFLICT DO NOTHING;

-- -----------------------------------------------------------------------------------------------------------
-- Current batch and COA of each seeded product: its newest verified, active, unexpired batch.
-- -----------------------------------------------------------------------------------------------------------
UPDATE products p
SET current_batch_number = b.batch_number,
    current_coa_url = b.coa_file_url,
    updated_at = now()
FROM (
    SELECT DISTINCT ON (pb.product_id) pb.product_id, pb.batch_number, pb.coa_file_url
    FROM product_batches pb
    WHERE pb.is_active AND pb.coa_verified AND pb.expires_at > current_date
    ORDER BY pb.product_id, pb.manufactured_at DESC, pb.created_at DESC, pb.batch_number DESC
) AS b
WHERE b.product_id = p.id
  AND p.id BETWEEN '00000000-0000-4000-8000-000000020001' AND '00000000-0000-4000-8000-000000020999'
  AND (p.current_batch_number, p.current_coa_url) IS DISTINCT FROM (b.batch_number, b.coa_file_url);
