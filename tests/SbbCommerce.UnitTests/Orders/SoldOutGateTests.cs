using Microsoft.Extensions.DependencyInjection;
using SbbCommerce.Api.Common.Telemetry;
using SbbCommerce.Api.Modules.Orders.Checkout;

namespace SbbCommerce.UnitTests.Orders;

public sealed class SoldOutGateTests
{
    private static SbbMetrics Metrics() =>
        new ServiceCollection().AddMetrics().AddSingleton<SbbMetrics>().BuildServiceProvider().GetRequiredService<SbbMetrics>();

    [Fact]
    public void Given_a_product_seen_sold_out_Then_it_is_refused_early_only_for_a_short_while()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var gate = new SoldOutGate(time, Metrics());
        var soldOut = Guid.NewGuid();
        var other = Guid.NewGuid();

        gate.MarkSoldOut([soldOut]);

        Assert.Equal([soldOut], gate.SoldOut([soldOut, other]));
        time.Advance(SoldOutGate.Memory);
        Assert.Empty(gate.SoldOut([soldOut, other]));
    }

    [Fact]
    public void Given_a_checkout_waiting_on_a_product_When_it_is_marked_sold_out_Then_its_signal_fires_and_others_do_not()
    {
        var gate = new SoldOutGate(new FakeTimeProvider(DateTimeOffset.UnixEpoch), Metrics());
        var soldOut = Guid.NewGuid();
        var other = Guid.NewGuid();
        var waitingOnSoldOut = gate.SignalWhenSoldOut(soldOut);
        var waitingOnOther = gate.SignalWhenSoldOut(other);

        gate.MarkSoldOut([soldOut]);

        Assert.True(waitingOnSoldOut.IsCancellationRequested);
        Assert.False(waitingOnOther.IsCancellationRequested);
        Assert.False(gate.SignalWhenSoldOut(soldOut).IsCancellationRequested); // a later waiter waits for the next sell-out
    }
}
