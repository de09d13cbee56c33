-- Base seed (every environment): the category tree of the storefront.
--
--   Peptides                      peptides
--     Healing & Recovery          healing-recovery
--     Metabolic                   metabolic
--     Cognitive                   cognitive
--     Growth Hormone Secretagogues growth-hormone-secretagogues
--     Longevity                   longevity
--     Immune Support              immune-support
--   Kits                          kits
--   Accessories                   accessories
--     Bacteriostatic Water        bacteriostatic-water
--     Syringes                    syringes
--
-- Runs on every seed run, so it must be idempotent: a second run inserts nothing and fails nowhere.
--
-- UUID scheme of all seed files: 00000000-0000-4000-8000-000000TTTNNN, where TTT is the table and NNN the row.
--   TTT 001 payment_methods, 002 product_categories, 010 users, 011 user_profiles, 012 user_addresses,
--   TTT 020 products, 021 product_batches, 030 discounts.
--   Here (TTT 002): the roots are NNN 100 (Peptides), 200 (Kits), 300 (Accessories); a child takes the
--   hundreds of its root: 101-106 under Peptides, 301-302 under Accessories.
--
-- The seeded categories follow this file on re-seed (name, slug, description, parent, sort order); the update
-- is skipped when nothing differs. The slug is unique too: a row whose slug is already held by another
-- category (one an admin created before the seed) is skipped instead of failing, and the parent of a child is
-- looked up by slug, so children attach to whichever category holds the parent slug. Roots are inserted
-- first, in their own statement, so that the children statement sees them.

-- Roots.
INSERT INTO product_categories (id, name, slug, description, parent_id, sort_order)
SELECT v.id::uuid, v.name, v.slug, v.description, NULL, v.sort_order
FROM (VALUES
    ('00000000-0000-4000-8000-000000002100', 'Peptides', 'peptides',
     'Lyophilized research peptides with a third-party certificate of analysis for every batch. '
     || 'For laboratory research use only. Not for human consumption.', 1),
    ('00000000-0000-4000-8000-000000002200', 'Kits', 'kits',
     'Research kits combining complementary peptides, at a lower price than the vials bought separately. '
     || 'For laboratory research use only. Not for human consumption.', 2),
    ('00000000-0000-4000-8000-000000002300', 'Accessories', 'accessories',
     'Laboratory supplies for reconstituting and handling research peptides.', 3)
) AS v (id, name, slug, description, sort_order)
WHERE NOT EXISTS (SELECT 1 FROM product_categories c WHERE c.slug = v.slug AND c.id <> v.id::uuid)
ON CONFLICT (id) DO UPDATE SET
    name = EXCLUDED.name,
    slug = EXCLUDED.slug,
    description = EXCLUDED.description,
    parent_id = EXCLUDED.parent_id,
    sort_order = EXCLUDED.sort_order,
    updated_at = now()
WHERE (product_categories.name, product_categories.slug, product_categories.description,
       product_categories.parent_id, product_categories.sort_order)
   IS DISTINCT FROM
      (EXCLUDED.name, EXCLUDED.slug, EXCLUDED.description, EXCLUDED.parent_id, EXCLUDED.sort_order);

-- Children: the parent is the category holding parent_slug.
INSERT INTO product_categories (id, name, slug, description, parent_id, sort_order)
SELECT v.id::uuid, v.name, v.slug, v.description, p.id, v.sort_order
FROM (VALUES
    ('00000000-0000-4000-8000-000000002101', 'Healing & Recovery', 'healing-recovery', 'peptides',
     'Peptides studied for tissue repair, wound healing and recovery from injury.', 1),
    ('00000000-0000-4000-8000-000000002102', 'Metabolic', 'metabolic', 'peptides',
     'GLP-1 and related receptor agonists and other peptides studied in metabolism and body composition.', 2),
    ('00000000-0000-4000-8000-000000002103', 'Cognitive', 'cognitive', 'peptides',
     'Peptides studied for cognition, stress response and sleep.', 3),
    ('00000000-0000-4000-8000-000000002104', 'Growth Hormone Secretagogues', 'growth-hormone-secretagogues', 'peptides',
     'GHRH analogues and ghrelin receptor agonists studied for growth hormone release.', 4),
    ('00000000-0000-4000-8000-000000002105', 'Longevity', 'longevity', 'peptides',
     'Peptides studied in ageing, telomere biology and mitochondrial function.', 5),
    ('00000000-0000-4000-8000-000000002106', 'Immune Support', 'immune-support', 'peptides',
     'Peptides studied for immune modulation and inflammation.', 6),
    ('00000000-0000-4000-8000-000000002301', 'Bacteriostatic Water', 'bacteriostatic-water', 'accessories',
     'Sterile water with 0.9% benzyl alcohol for reconstituting lyophilized peptides.', 1),
    ('00000000-0000-4000-8000-000000002302', 'Syringes', 'syringes', 'accessories',
     'Sterile single-use syringes for measuring and transferring reconstituted solutions.', 2)
) AS v (id, name, slug, parent_slug, description, sort_order)
JOIN product_categories p ON p.slug = v.parent_slug
WHERE NOT EXISTS (SELECT 1 FROM product_categories c WHERE c.slug = v.slug AND c.id <> v.id::uuid)
  AND p.id <> v.id::uuid
ON CONFLICT (id) DO UPDATE SET
    name = EXCLUDED.name,
    slug = EXCLUDED.slug,
    description = EXCLUDED.description,
    parent_id = EXCLUDED.parent_id,
    sort_order = EXCLUDED.sort_order,
    updated_at = now()
WHERE (product_categories.name, product_categories.slug, product_categories.description,
       product_categories.parent_id, product_categories.sort_order)
   IS DISTINCT FROM
      (EXCLUDED.name, EXCLUDED.slug, EXCLUDED.description, EXCLUDED.parent_id, EXCLUDED.sort_order);
