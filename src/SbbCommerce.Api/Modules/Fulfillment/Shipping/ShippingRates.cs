using SbbCommerce.Api.Modules.Fulfillment.Contracts;

namespace SbbCommerce.Api.Modules.Fulfillment.Shipping;

internal sealed class ShippingRates(IOptionsMonitor<ShippingOptions> options) : IShippingRates
{
    public IReadOnlyList<ShippingOption> Quote(int weightGrams, int merchandiseCents)
    {
        var config = options.CurrentValue;
        var free = config.FreeAboveCents is { } threshold && merchandiseCents > threshold;
        return config.EffectiveRates
            .Select(level => (level.Key, Rate: level.Value, Band: Band(level.Value, weightGrams)))
            .Where(x => x.Band is not null) // a level whose bands stop below this weight does not carry the parcel
            .Select(x => new ShippingOption(x.Key.ToLowerInvariant(), x.Rate.Label ?? x.Key, x.Rate.Carrier,
                free && x.Rate.FreeAboveThreshold ? 0 : x.Band!.PriceCents, x.Rate.EstimatedDays))
            .OrderBy(o => o.PriceCents).ThenBy(o => o.EstimatedDays ?? int.MaxValue).ThenBy(o => o.ServiceLevel, StringComparer.Ordinal)
            .ToList();
    }

    private static WeightBand? Band(ServiceLevelRate rate, int weightGrams) =>
        rate.Bands.OrderBy(b => b.UpToGrams ?? int.MaxValue).FirstOrDefault(b => weightGrams <= (b.UpToGrams ?? int.MaxValue));
}
