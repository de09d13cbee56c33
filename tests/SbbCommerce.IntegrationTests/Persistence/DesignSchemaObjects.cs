namespace SbbCommerce.IntegrationTests.Persistence;

/// <summary>
/// Every table, enum, named constraint and index that ../shared/design/schema-design.md creates, copied from its
/// SQL. The migrated database must contain each of them (the design's intent kept, even where its SQL was fixed).
/// </summary>
internal static class DesignSchemaObjects
{
    public static readonly string[] Tables =
    [
        "audit_logs", "auth_sessions", "cart_items", "carts",
        "discounts", "events", "fulfillment_items", "fulfillment_status_history",
        "fulfillments", "order_items", "order_status_history", "orders",
        "payment_attempts", "payment_methods", "payments", "product_batches",
        "product_categories", "product_category_assignments", "products", "refunds",
        "user_addresses", "user_profiles", "users", "webhooks_inbox",
        "webhooks_outbox",
    ];

    public static readonly string[] Enums =
    [
        "auth_provider", "fulfillment_status", "order_status", "payment_method_type",
        "payment_status", "product_status", "product_type", "session_status",
        "user_role", "user_status",
    ];

    /// <summary>users_phone_unique is a partial unique index now (PostgreSQL has no UNIQUE ... WHERE constraint).</summary>
    public static readonly string[] Constraints =
    [
        "auth_sessions_token_unique", "cart_items_quantity_positive", "cart_items_unique", "discounts_code_unique",
        "fulfillments_number_unique", "order_items_quantity_positive", "orders_number_unique", "orders_total_positive",
        "payments_amount_positive", "payments_reference_unique", "product_batches_number_unique", "product_categories_slug_unique",
        "products_price_positive", "products_sku_unique", "products_slug_unique", "refunds_amount_positive",
        "refunds_reference_unique", "user_profiles_user_unique", "users_email_unique", "users_phone_unique",
    ];

    /// <summary>
    /// Design indexes dropped on purpose (ADR 0014, migration 0081): the reports read rollups, no query reads these,
    /// and each cost every event an index entry. The migrated database must not hold them.
    /// </summary>
    public static readonly string[] IndexesDroppedByDecision =
    [
        "idx_events_attribution", "idx_events_category", "idx_events_name", "idx_events_order",
        "idx_events_session", "idx_events_user_name",
    ];

    public static readonly string[] Indexes =
    [
        "idx_audit_logs_action", "idx_audit_logs_created", "idx_audit_logs_resource", "idx_audit_logs_user",
        "idx_auth_sessions_cleanup", "idx_auth_sessions_expires", "idx_auth_sessions_user", "idx_cart_items_cart",
        "idx_cart_items_product", "idx_carts_abandoned", "idx_carts_anonymous", "idx_carts_user_active",
        "idx_discounts_active", "idx_discounts_code", "idx_events_anonymous", "idx_events_created",
        "idx_events_user", "idx_fulfillment_items_fulfillment",
        "idx_fulfillment_items_order_item", "idx_fulfillment_status_history_fulfillment", "idx_fulfillments_order", "idx_fulfillments_status",
        "idx_fulfillments_tracking", "idx_order_items_order", "idx_order_items_product", "idx_order_status_history_created",
        "idx_order_status_history_order", "idx_orders_created", "idx_orders_erp_sync", "idx_orders_number",
        "idx_orders_pending_payment", "idx_orders_status", "idx_orders_user", "idx_payment_attempts_created",
        "idx_payment_attempts_payment", "idx_payment_methods_active", "idx_payments_erp_sync", "idx_payments_order",
        "idx_payments_pending", "idx_payments_reference", "idx_payments_status", "idx_payments_user",
        "idx_pca_category", "idx_product_batches_expiry", "idx_product_batches_product", "idx_product_categories_parent",
        "idx_products_erp_sync", "idx_products_sku", "idx_products_status", "idx_products_type",
        "idx_refunds_order", "idx_refunds_payment", "idx_refunds_status", "idx_user_addresses_default",
        "idx_user_addresses_user", "idx_user_profiles_user", "idx_users_created", "idx_users_email",
        "idx_users_erp_sync", "idx_users_status", "idx_webhooks_inbox_pending", "idx_webhooks_inbox_received",
        "idx_webhooks_inbox_source", "idx_webhooks_inbox_status", "idx_webhooks_outbox_entity", "idx_webhooks_outbox_pending",
    ];
}
