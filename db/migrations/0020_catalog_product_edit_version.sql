-- ADDED (not in the design): the optimistic-concurrency version of admin edits of a product.
-- Admin updates used to be checked against xmin, which every stock reservation moves too, so on a hot product an
-- admin's save failed with 409 whenever a customer had checked out since the admin opened the product. Admin
-- writes (update, publish, delete, inventory adjustment) increment edit_version; reservations, releases, commits,
-- batch allocations and the current-batch refresh never touch it.
ALTER TABLE products
    ADD COLUMN edit_version INTEGER NOT NULL DEFAULT 1,
    ADD CONSTRAINT products_edit_version_positive CHECK (edit_version >= 1);
