namespace SbbCommerce.Api.Modules.Catalog.Contracts;

/// <summary>
/// The outcome of an inventory operation: all lines were applied, or none was and <see cref="Shortages"/> says
/// which lines could not be.
/// </summary>
/// <param name="Succeeded">True when every line was applied.</param>
/// <param name="Shortages">The failing lines (empty on success).</param>
public sealed record InventoryResult(bool Succeeded, IReadOnlyList<StockShortage> Shortages)
{
    public static InventoryResult Success { get; } = new(true, []);

    public static InventoryResult Failed(IReadOnlyList<StockShortage> shortages) => new(false, shortages);
}
