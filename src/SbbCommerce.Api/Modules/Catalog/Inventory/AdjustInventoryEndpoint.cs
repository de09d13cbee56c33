using SbbCommerce.Api.Modules.Catalog.Caching;
using SbbCommerce.Api.Modules.Catalog.Data;
using SbbCommerce.Api.Modules.Catalog.Products;

namespace SbbCommerce.Api.Modules.Catalog.Inventory;

internal static class AdjustInventoryEndpoint
{
    public static RouteHandlerBuilder MapAdjustInventory(this RouteGroupBuilder admin) =>
        admin.MapPost("/products/{id:guid}/inventory-adjustments", HandleAsync)
            .WithName("AdjustInventory")
            .WithSummary("Add or remove units on hand, with a reason (audited). On hand never drops below reserved.")
            .WithDescription("404 `product_not_found`; 422 `insufficient_stock` (the result would be below the reserved units or 0).")
            .WithValidation<InventoryAdjustmentRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<InventoryLevelResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, InventoryAdjustmentRequest request, SbbDbContext db, IAuditWriter audit, CatalogReadCache cache,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var delta = request.Delta;
        var now = timeProvider.GetDatabaseNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // One conditional UPDATE: checked against the reserved units of the moment, so a reservation racing with
        // the adjustment can never leave on hand below reserved (the check constraint would refuse it anyway). An admin
        // write: it moves the edit version, so an admin editing the product meanwhile reloads and sees the new stock.
        var updated = await db.Set<Product>()
            .Where(p => p.Id == id && p.DeletedAt == null
                && p.QuantityOnHand + delta >= p.QuantityReserved && p.QuantityOnHand + delta >= 0)
            .ExecuteUpdateAsync(set => set
                .SetProperty(p => p.QuantityOnHand, p => p.QuantityOnHand + delta)
                .SetProperty(p => p.UpdatedAt, now)
                .SetProperty(p => p.EditVersion, p => p.EditVersion + 1),
                cancellationToken);
        var level = await db.Set<Product>().AsNoTracking()
            .Where(p => p.Id == id && p.DeletedAt == null)
            .Select(p => new InventoryLevelResponse(p.Id, p.QuantityOnHand, p.QuantityReserved, p.QuantityOnHand - p.QuantityReserved))
            .SingleOrDefaultAsync(cancellationToken);
        if (level is null)
        {
            return AdminProducts.NotFound();
        }

        if (updated == 0)
        {
            return ApiProblems.Unprocessable(CatalogErrors.InsufficientStock, "On hand cannot drop below the reserved units.",
                $"On hand {level.QuantityOnHand}, reserved {level.QuantityReserved}: at most {level.QuantityAvailable} units can be removed.",
                new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["quantityOnHand"] = level.QuantityOnHand,
                    ["quantityReserved"] = level.QuantityReserved,
                });
        }

        audit.Record("product.inventory_adjusted", ProductChangeLog.ResourceType, id,
            new { QuantityOnHand = level.QuantityOnHand - delta },
            new { level.QuantityOnHand, Delta = delta, Reason = request.Reason.Trim() });
        await cache.SaveAndCommitAsync(db, transaction, cancellationToken, CatalogCacheTags.Products);
        return TypedResults.Ok(level);
    }
}
