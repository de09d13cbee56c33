using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Inventory.Check;

/// <summary>
/// The stock invariant, as one SQL statement: for every product, <c>quantity_reserved</c> equals the units live
/// orders hold (<see cref="IStockHolds"/>: ordered, not shipped, order neither cancelled nor refunded), and a tracked
/// product has <c>quantity_on_hand &gt;= quantity_reserved</c>.
/// <para>
/// An invariant across modules is only proved by one snapshot (one statement), since checkouts and shipments
/// committing between several queries would show differences that are not there. So the Orders module lends its
/// holds as a query (composed of its own tables and Fulfillment's shipped units) and this composes it with the
/// products: one statement, and each module's tables are still named only by its own code. Read-only.
/// </para>
/// </summary>
internal sealed class InventoryInvariant(SbbDbContext db, IStockHolds holds)
{
    public async Task<IReadOnlyList<ProductStockCheck>> CheckAsync(CancellationToken cancellationToken) =>
        await (from product in db.Set<Product>().AsNoTracking()
               join held in holds.HeldByProduct() on product.Id equals held.ProductId into heldUnits
               from held in heldUnits.DefaultIfEmpty()
               orderby product.Sku
               select new ProductStockCheck(product.Id, product.Sku, product.TrackInventory, product.QuantityOnHand,
                   product.QuantityReserved, (int?)held.Units ?? 0))
            .ToListAsync(cancellationToken);
}

/// <summary>One product's stock next to the units its live orders hold.</summary>
internal sealed record ProductStockCheck(Guid ProductId, string Sku, bool TrackInventory, int QuantityOnHand, int QuantityReserved, int LiveUnits)
{
    public bool ReservedMatches => QuantityReserved == LiveUnits;

    public bool OnHandCovers => !TrackInventory || QuantityOnHand >= QuantityReserved;
}
