using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.Api.Modules.Catalog.Inventory;

internal static class StockLines
{
    /// <summary>
    /// One line per product (quantities summed), ordered by product id. Every caller locks product rows in this
    /// one order, so two carts holding the same products in different orders never deadlock. (Guid compares field
    /// by field as unsigned numbers, which is the order of the text form and of PostgreSQL's uuid type.)
    /// </summary>
    public static IReadOnlyList<StockLine> Normalize(IReadOnlyCollection<StockLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var totals = new Dictionary<Guid, int>();
        foreach (var line in lines)
        {
            ArgumentNullException.ThrowIfNull(line);
            ArgumentOutOfRangeException.ThrowIfLessThan(line.Quantity, 1, nameof(lines));
            totals[line.ProductId] = checked(totals.GetValueOrDefault(line.ProductId) + line.Quantity);
        }

        return totals
            .Select(total => new StockLine(total.Key, total.Value))
            .OrderBy(line => line.ProductId)
            .ToList();
    }
}
