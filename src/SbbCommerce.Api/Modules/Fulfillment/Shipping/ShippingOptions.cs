namespace SbbCommerce.Api.Modules.Fulfillment.Shipping;

/// <summary>
/// <c>Shipping:*</c>: the checkout rate table (<c>Shipping:Rates:&lt;level&gt;:Bands:&lt;n&gt;:UpToGrams / PriceCents</c>),
/// the free-shipping threshold and the Shippo label provider. Without <c>Shipping:Rates</c> the default table below applies.
/// </summary>
internal sealed class ShippingOptions
{
    public const string Section = "Shipping";

    /// <summary>Merchandise (after discounts) above which the levels marked <see cref="ServiceLevelRate.FreeAboveThreshold"/> cost 0; null: never.</summary>
    public int? FreeAboveCents { get; set; } = 15_000;

    public Dictionary<string, ServiceLevelRate> Rates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public ShippoOptions Shippo { get; set; } = new();

    public FromAddressOptions FromAddress { get; set; } = new();

    /// <summary>The table in force: the configured one, else the default.</summary>
    public IReadOnlyDictionary<string, ServiceLevelRate> EffectiveRates => Rates.Count > 0 ? Rates : DefaultRates;

    /// <summary>USPS-like prices of 2026 for small vials (a few grams each, padded): ground free above the threshold.</summary>
    public static readonly IReadOnlyDictionary<string, ServiceLevelRate> DefaultRates = new Dictionary<string, ServiceLevelRate>(StringComparer.OrdinalIgnoreCase)
    {
        ["ground"] = new()
        {
            Label = "Ground (5-7 business days)", Carrier = "usps", EstimatedDays = 6, FreeAboveThreshold = true,
            Bands = [new() { UpToGrams = 450, PriceCents = 695 }, new() { UpToGrams = 2_000, PriceCents = 995 }, new() { PriceCents = 1_495 }],
        },
        ["priority"] = new()
        {
            Label = "Priority (2-3 business days)", Carrier = "usps", EstimatedDays = 3,
            Bands = [new() { UpToGrams = 450, PriceCents = 1_095 }, new() { UpToGrams = 2_000, PriceCents = 1_495 }, new() { PriceCents = 2_195 }],
        },
        ["express"] = new()
        {
            Label = "Express (overnight)", Carrier = "usps", EstimatedDays = 1,
            Bands = [new() { UpToGrams = 450, PriceCents = 3_195 }, new() { UpToGrams = 2_000, PriceCents = 3_995 }, new() { PriceCents = 5_495 }],
        },
    };
}

/// <summary>One service level of the rate table.</summary>
internal sealed class ServiceLevelRate
{
    public string? Label { get; set; }

    public string Carrier { get; set; } = "usps";

    public int? EstimatedDays { get; set; }

    /// <summary>Costs 0 above <see cref="ShippingOptions.FreeAboveCents"/>.</summary>
    public bool FreeAboveThreshold { get; set; }

    /// <summary>Weight bands, lightest first; a band without <see cref="WeightBand.UpToGrams"/> takes every heavier parcel.</summary>
    public List<WeightBand> Bands { get; set; } = [];
}

/// <summary>Parcels up to this weight cost this much.</summary>
internal sealed class WeightBand
{
    public int? UpToGrams { get; set; }

    public int PriceCents { get; set; }
}

/// <summary><c>Shipping:Shippo:*</c>: labels are bought only when both are set.</summary>
internal sealed class ShippoOptions
{
    public string? BaseUrl { get; set; }

    public string? Token { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl) && !string.IsNullOrWhiteSpace(Token);
}

/// <summary><c>Shipping:FromAddress:*</c>: the sender address, in Shippo's field names.</summary>
internal sealed class FromAddressOptions
{
    public string? Name { get; set; }
    public string? Street1 { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? Zip { get; set; }
    public string? Country { get; set; } = "US";
    public string? Phone { get; set; }
    public string? Email { get; set; }
}
