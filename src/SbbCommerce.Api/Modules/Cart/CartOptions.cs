namespace SbbCommerce.Api.Modules.Cart;

/// <summary>The <c>Cart</c> configuration section.</summary>
internal sealed class CartOptions
{
    public const string Section = "Cart";

    /// <summary>An active cart with lines and no change for this long becomes abandoned (default 24 h).</summary>
    public TimeSpan AbandonAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A new cart expires after this long (the design's default: 30 days).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Most units of one product in one cart (absurd quantities are refused before any lookup).</summary>
    public int MaxQuantityPerLine { get; set; } = 100;

    /// <summary>How many carts the abandonment job handles per batch.</summary>
    public int AbandonmentBatchSize { get; set; } = 500;
}

/// <summary>The <c>Tax</c> configuration section: sales tax per US state, in basis points (825 = 8.25 %).</summary>
internal sealed class TaxOptions
{
    public const string Section = "Tax";

    /// <summary>State code to rate in basis points; a state not listed is taxed at zero.</summary>
    public Dictionary<string, int> RatesBasisPoints { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public int RateFor(string? state) =>
        state is not null && RatesBasisPoints.TryGetValue(state, out var rate) ? rate : 0;
}
