using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SbbCommerce.Api.Common.Telemetry;
using SbbCommerce.Api.Modules.Orders.Checkout;

namespace SbbCommerce.UnitTests.Orders;

public sealed class SoldOutGateTests
{
    [Fact]
    public void Given_a_product_seen_sold_out_Then_it_is_refused_early_only_for_a_short_while()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var gate = new SoldOutGate(time, new ServiceCollection().AddMetrics().AddSingleton<SbbMetrics>().BuildServiceProvider().GetRequiredService<SbbMetrics>());
        var soldOut = Guid.NewGuid();
        var other = Guid.NewGuid();

        gate.MarkSoldOut([soldOut]);

        Assert.Equal([soldOut], gate.SoldOut([soldOut, other]));
        time.Advance(SoldOutGate.Memory);
        Assert.Empty(gate.SoldOut([soldOut, other]));
    }
}
