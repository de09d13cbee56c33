namespace SbbCommerce.Api.Modules.Fulfillment.Contracts;

/// <summary>What the customer pays for shipping (the configured rate table), for the cart and checkout.</summary>
public interface IShippingRates
{
    /// <summary>Every service level's price for a parcel of this weight and merchandise value, cheapest first.</summary>
    /// <param name="weightGrams">Parcel weight (products without a weight count 0).</param>
    /// <param name="merchandiseCents">Subtotal after discounts: above <c>Shipping:FreeAboveCents</c> the levels marked free cost 0.</param>
    IReadOnlyList<ShippingOption> Quote(int weightGrams, int merchandiseCents);
}

/// <summary>A service level and its price.</summary>
/// <param name="ServiceLevel">Its key (<c>ground</c>, <c>priority</c>, <c>express</c>, ...), sent back at checkout.</param>
/// <param name="Label">What the customer reads.</param>
/// <param name="Carrier">Carrier.</param>
/// <param name="PriceCents">Price in cents.</param>
/// <param name="EstimatedDays">Typical transit days.</param>
public sealed record ShippingOption(string ServiceLevel, string Label, string Carrier, int PriceCents, int? EstimatedDays);
