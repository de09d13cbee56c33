namespace SbbCommerce.Api.Common.Jobs;

/// <summary>Every recurring Hangfire job id, in one place. A retired id goes to <see cref="Retired"/>.</summary>
internal static class RecurringJobIds
{
    public const string IdempotencyKeyCleanup = "idempotency-key-cleanup";
    public const string PartitionMaintenance = "partition-maintenance";
    public const string CartAbandonment = "cart-abandonment";
    public const string CancelUnpaidOrders = "cancel-unpaid-orders";
    public const string PaymentExpiry = "payment-expiry";
    public const string OrphanProofCleanup = "orphan-proof-cleanup";
    public const string CatalogCurrentBatchRefresh = "catalog-current-batch-refresh";
    public const string OutboxDrain = "outbox-drain";
    public const string WebhookInbox = "webhook-inbox";
    public const string ErpInventoryPull = "erp-inventory-pull";
    public const string EventsRetention = "events-retention";
    public const string ReconciliationMatching = "reconciliation-matching";

    /// <summary>Ids of jobs that no longer exist: removed at start so no host runs them again.</summary>
    public static readonly IReadOnlyList<string> Retired = [];
}
