namespace SbbCommerce.Api.Modules.Catalog.Contracts;

/// <summary>
/// The units of each product that orders hold (reserved, not shipped), lent by the module that holds them (Orders) for
/// the stock invariant, which composes it with the products into one statement (one snapshot).
/// </summary>
public interface IStockHolds
{
    /// <summary>Per product, the units live orders hold; products nobody holds are absent.</summary>
    IQueryable<HeldUnits> HeldByProduct();
}

/// <summary>Units of one product held by orders.</summary>
public sealed class HeldUnits
{
    /// <summary>The product.</summary>
    public Guid ProductId { get; init; }

    /// <summary>Units held.</summary>
    public int Units { get; init; }
}
