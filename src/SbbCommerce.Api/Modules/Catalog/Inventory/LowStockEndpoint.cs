using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Inventory;

/// <summary>A product whose available stock is at or below its low-stock threshold.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Sku">Stock keeping unit.</param>
/// <param name="Name">Display name.</param>
/// <param name="Status">draft, active or out_of_stock.</param>
/// <param name="QuantityOnHand">Units on the shelf.</param>
/// <param name="QuantityReserved">Units reserved by orders.</param>
/// <param name="QuantityAvailable">On hand - reserved.</param>
/// <param name="LowStockThreshold">Its alert level.</param>
internal sealed record LowStockItem(
    Guid ProductId, string Sku, string Name, ProductStatus Status, int QuantityOnHand, int QuantityReserved, int QuantityAvailable,
    int LowStockThreshold);

/// <summary>Keyset of the low-stock list: least available first, the id breaking ties.</summary>
/// <param name="Available">Available units of the last product seen.</param>
/// <param name="Id">Id of the last product seen.</param>
internal sealed record LowStockCursor(int Available, Guid Id);

internal static class LowStockEndpoint
{
    public static RouteHandlerBuilder MapLowStock(this RouteGroupBuilder admin) =>
        admin.MapGet("/products/low-stock", HandleAsync)
            .WithName("ListLowStockProducts")
            .WithSummary("Tracked, non-deleted, non-discontinued products with on hand - reserved <= their low-stock threshold, least available first.")
            .WithDescription("400 `invalid_cursor`.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Results<Ok<PagedResponse<LowStockItem>>, ProblemHttpResult>> HandleAsync(
        int? limit, string? cursor, SbbDbContext db, CancellationToken cancellationToken)
    {
        var page = PageRequest.From(limit, cursor);
        if (!page.TryReadCursor(out LowStockCursor? after))
        {
            return ApiProblems.InvalidCursor();
        }

        var products = db.Set<Product>().AsNoTracking()
            .Where(p => p.DeletedAt == null && p.TrackInventory && p.Status != ProductStatus.Discontinued
                && p.LowStockThreshold != null && p.QuantityOnHand - p.QuantityReserved <= p.LowStockThreshold);
        if (after is not null)
        {
            products = products.Where(p => EF.Functions.GreaterThan(
                ValueTuple.Create(p.QuantityOnHand - p.QuantityReserved, p.Id), ValueTuple.Create(after.Available, after.Id)));
        }

        var rows = await products
            .OrderBy(p => p.QuantityOnHand - p.QuantityReserved).ThenBy(p => p.Id)
            .Take(page.Limit + 1)
            .Select(p => new LowStockItem(p.Id, p.Sku, p.Name, p.Status, p.QuantityOnHand, p.QuantityReserved,
                p.QuantityOnHand - p.QuantityReserved, p.LowStockThreshold!.Value))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(KeysetCursor.ToPage(rows, page.Limit, item => item, item => new LowStockCursor(item.QuantityAvailable, item.ProductId)));
    }
}
