using SbbCommerce.Api.Modules.Fulfillment.Shipping;

namespace SbbCommerce.UnitTests.Fulfillment.Shipping;

public sealed class ShippingRatesTests
{
    private sealed class FixedOptions(ShippingOptions value) : IOptionsMonitor<ShippingOptions>
    {
        public ShippingOptions CurrentValue => value;

        public ShippingOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ShippingOptions, string?> listener) => null;
    }

    private static ShippingRates Rates(int? freeAbove = 15_000, Dictionary<string, ServiceLevelRate>? table = null) =>
        new(new FixedOptions(new ShippingOptions { FreeAboveCents = freeAbove, Rates = table ?? new(StringComparer.OrdinalIgnoreCase) }));

    [Theory]
    [InlineData(0, 695)]
    [InlineData(450, 695)]
    [InlineData(451, 995)]
    [InlineData(2_000, 995)]
    [InlineData(2_001, 1_495)]
    public void Given_the_default_table_When_quoting_a_weight_Then_ground_costs_its_band(int grams, int groundCents)
    {
        var options = Rates().Quote(grams, 5_000);

        Assert.Equal(["ground", "priority", "express"], options.Select(o => o.ServiceLevel));
        Assert.Equal(groundCents, options[0].PriceCents);
    }

    [Fact]
    public void Given_merchandise_above_the_threshold_When_quoting_Then_only_the_levels_marked_free_cost_nothing()
    {
        var atThreshold = Rates().Quote(100, 15_000);
        var above = Rates().Quote(100, 15_001);

        Assert.Equal(695, atThreshold.Single(o => o.ServiceLevel == "ground").PriceCents);
        Assert.Equal(0, above.Single(o => o.ServiceLevel == "ground").PriceCents);
        Assert.Equal(1_095, above.Single(o => o.ServiceLevel == "priority").PriceCents);
    }

    [Fact]
    public void Given_a_configured_level_whose_bands_stop_below_the_parcel_When_quoting_Then_it_is_not_offered()
    {
        var table = new Dictionary<string, ServiceLevelRate>(StringComparer.OrdinalIgnoreCase)
        {
            ["Letter"] = new() { Bands = [new() { UpToGrams = 100, PriceCents = 150 }] },
            ["ground"] = new() { Bands = [new() { PriceCents = 800 }] },
        };

        Assert.Equal(["letter", "ground"], Rates(null, table).Quote(90, 100).Select(o => o.ServiceLevel));
        Assert.Equal(["ground"], Rates(null, table).Quote(101, 100).Select(o => o.ServiceLevel));
    }
}
