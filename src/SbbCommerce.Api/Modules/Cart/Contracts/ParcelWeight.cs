using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.Api.Modules.Cart.Contracts;

/// <summary>The weight of a cart's units, for the shipping rate table (cart options and checkout agree on it).</summary>
public static class ParcelWeight
{
    public static int Of(IEnumerable<(Guid ProductId, int Quantity)> lines, IReadOnlyList<ProductSnapshot> products)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(products);
        var weights = products.ToDictionary(p => p.Id, p => p.WeightGrams ?? 0);
        var total = lines.Sum(l => (long)weights.GetValueOrDefault(l.ProductId) * l.Quantity);
        return (int)Math.Min(total, int.MaxValue);
    }
}
