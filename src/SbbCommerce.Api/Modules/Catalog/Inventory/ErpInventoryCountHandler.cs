using SbbCommerce.Api.Modules.Catalog.Caching;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Data;
using SbbCommerce.Api.Modules.Integration.Contracts;

namespace SbbCommerce.Api.Modules.Catalog.Inventory;

/// <summary>
/// ERP <c>inventory.updated</c> (sku, quantityOnHand, asOf): the warehouse's count becomes the on-hand quantity. A
/// count older than the one applied last is recorded and skipped (providers deliver out of order). A count below the
/// units reserved for live orders is never clamped silently: on hand goes down to reserved only (the stock CHECK
/// holds, paid orders keep their units), and the gap is recorded as a discrepancy and audited.
/// </summary>
internal sealed partial class ErpInventoryCountHandler(
    SbbDbContext db, IAuditWriter audit, CatalogReadCache cache, TimeProvider timeProvider, ILogger<ErpInventoryCountHandler> logger)
    : IInboundWebhookHandler, IInventoryCounts
{
    public string Source => "epicor_propello";

    public IReadOnlyCollection<string> EventTypes { get; } = ["inventory.updated"];

    public async Task<InboundOutcome> HandleAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var count = inbound.Payload.TryGetProperty("data", out var data) ? data.Deserialize<InventoryCount>(JsonDefaults.Options) : null;
        if (count is not { Sku.Length: > 0, QuantityOnHand: >= 0 })
        {
            return new InboundOutcome("invalid", new { Reason = "data.sku and a quantityOnHand >= 0 are required" });
        }

        return await ApplyAsync(count with { AsOf = count.AsOf ?? inbound.ReceivedAt }, "erp_webhook", cancellationToken);
    }

    public async Task<string> ApplyCountAsync(string sku, int quantityOnHand, DateTimeOffset asOf, string source, CancellationToken cancellationToken) =>
        (await ApplyAsync(new InventoryCount(sku, quantityOnHand, asOf), source, cancellationToken)).Result;

    /// <summary>Applies one count (webhook or the ERP pull), in the caller's transaction.</summary>
    public async Task<InboundOutcome> ApplyAsync(InventoryCount count, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(count);
        var asOf = count.AsOf!.Value.ToUniversalTime();
        var product = await db.Database.SqlQuery<LockedStock>($"""
            SELECT id, quantity_on_hand AS on_hand, quantity_reserved AS reserved, inventory_counted_at AS counted_at
              FROM products WHERE sku = {count.Sku} FOR UPDATE
            """).SingleOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return new InboundOutcome("unknown_sku", new { count.Sku });
        }

        if (product.CountedAt is { } applied && applied >= asOf)
        {
            return new InboundOutcome("stale", new { count.Sku, count.QuantityOnHand, AsOf = asOf, AppliedAsOf = applied });
        }

        var now = timeProvider.GetDatabaseNow();
        var onHand = Math.Max(count.QuantityOnHand, product.Reserved);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE products SET quantity_on_hand = {onHand}, inventory_counted_at = {asOf}, updated_at = {now} WHERE id = {product.Id}
            """, cancellationToken);
        if (count.QuantityOnHand < product.Reserved)
        {
            db.Set<InventoryDiscrepancy>().Add(new InventoryDiscrepancy
            {
                Id = Guid.CreateVersion7(),
                ProductId = product.Id,
                Sku = count.Sku,
                Counted = count.QuantityOnHand,
                Reserved = product.Reserved,
                Applied = onHand,
                CountedAt = asOf,
                Source = source,
                CreatedAt = now,
            });
            audit.Record("inventory.discrepancy", "product", product.Id, new { OnHand = product.OnHand },
                new { Counted = count.QuantityOnHand, product.Reserved, Applied = onHand, AsOf = asOf, Source = source });
        }

        LogCountApplied(logger, count.Sku, source, count.QuantityOnHand, product.OnHand, onHand, product.Reserved);

        await CatalogReadCache.NotifyAsync(db, cancellationToken, CatalogCacheTags.Products); // in the inbox processor's transaction
        cache.Evict(CatalogCacheTags.Products);
        return new InboundOutcome(count.QuantityOnHand < product.Reserved ? "discrepancy" : "applied",
            new { count.Sku, Counted = count.QuantityOnHand, Previous = product.OnHand, Applied = onHand, product.Reserved });
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Inventory count of {Sku} from {Source}: counted {Counted}, was {Previous}, applied {Applied} ({Reserved} reserved)")]
    private static partial void LogCountApplied(ILogger logger, string sku, string source, int counted, int previous, int applied, int reserved);

    // Column names follow the context's snake_case convention.
    private sealed record LockedStock(Guid Id, int OnHand, int Reserved, DateTimeOffset? CountedAt);
}

/// <summary>One warehouse count from the ERP.</summary>
internal sealed record InventoryCount(string Sku, int QuantityOnHand, DateTimeOffset? AsOf);
