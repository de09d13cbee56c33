namespace SbbCommerce.Api.Modules.Catalog.Inventory.Check;

internal static class InventoryCheckEndpoint
{
    public static RouteHandlerBuilder MapInventoryCheck(this RouteGroupBuilder admin) =>
        admin.MapGet("/inventory/check", HandleAsync)
            .WithName("AdminInventoryCheck")
            .WithSummary("Proves the stock invariant: for every product, reserved = units of live orders not yet shipped, and on hand >= reserved (tracked products).");

    private static async Task<Ok<InventoryCheckResponse>> HandleAsync(InventoryInvariant invariant, CancellationToken cancellationToken)
    {
        var products = await invariant.CheckAsync(cancellationToken);
        var violations = products.Where(p => !p.ReservedMatches || !p.OnHandCovers)
            .Select(p => new InventoryViolation(p.ProductId, p.Sku, p.QuantityOnHand, p.QuantityReserved, p.LiveUnits,
                !p.ReservedMatches ? "reserved_mismatch" : "on_hand_below_reserved"))
            .ToList();
        return TypedResults.Ok(new InventoryCheckResponse(violations.Count == 0, products.Count, violations));
    }
}

/// <summary>The outcome of the stock invariant check.</summary>
/// <param name="Ok">True when no product breaks it.</param>
/// <param name="ProductsChecked">Products checked (every product, deleted ones included).</param>
/// <param name="Violations">The products that break it.</param>
internal sealed record InventoryCheckResponse(bool Ok, int ProductsChecked, IReadOnlyList<InventoryViolation> Violations);

/// <summary>A product whose stock breaks the invariant.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Sku">Its SKU.</param>
/// <param name="QuantityOnHand">Units on the shelf.</param>
/// <param name="QuantityReserved">Units the product says are reserved.</param>
/// <param name="LiveUnits">Units live orders hold (ordered, not shipped, order neither cancelled nor refunded).</param>
/// <param name="Kind"><c>reserved_mismatch</c> (reserved differs from live units; checked first) or <c>on_hand_below_reserved</c>.</param>
internal sealed record InventoryViolation(Guid ProductId, string Sku, int QuantityOnHand, int QuantityReserved, int LiveUnits, string Kind);
