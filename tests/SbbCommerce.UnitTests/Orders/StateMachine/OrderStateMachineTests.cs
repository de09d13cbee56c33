using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Orders.StateMachine;
using static SbbCommerce.Api.Modules.Orders.Contracts.OrderStatus;

namespace SbbCommerce.UnitTests.Orders.StateMachine;

/// <summary>Every pair of statuses, against the table of the Orders issue.</summary>
public sealed class OrderStateMachineTests
{
    private static readonly HashSet<(OrderStatus, OrderStatus)> Allowed =
    [
        (PendingPayment, PaymentReceived), (PendingPayment, Cancelled),
        (PaymentReceived, Processing), (PaymentReceived, Refunded), (PaymentReceived, PartiallyRefunded),
        (Processing, ReadyToShip), (Processing, Refunded), (Processing, PartiallyRefunded),
        (ReadyToShip, Shipped), (ReadyToShip, Refunded), (ReadyToShip, PartiallyRefunded),
        (Shipped, Delivered), (Shipped, Refunded), (Shipped, PartiallyRefunded),
        (Delivered, Refunded), (Delivered, PartiallyRefunded),
        (PartiallyRefunded, Refunded),
    ];

    public static TheoryData<OrderStatus, OrderStatus> EveryPair()
    {
        var data = new TheoryData<OrderStatus, OrderStatus>();
        foreach (var from in Enum.GetValues<OrderStatus>())
        {
            foreach (var to in Enum.GetValues<OrderStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Given_any_two_statuses_Then_only_the_table_allows_the_move(OrderStatus from, OrderStatus to)
    {
        Assert.Equal(Allowed.Contains((from, to)), OrderStateMachine.Machine.CanMove(from, to));
    }

    [Fact]
    public void Given_the_table_Then_it_has_81_pairs_of_which_17_are_allowed()
    {
        Assert.Equal(81, EveryPair().Count);
        Assert.Equal(17, Allowed.Count);
    }

    [Theory]
    [InlineData(PaymentReceived, Processing, true)]
    [InlineData(Processing, ReadyToShip, true)]
    [InlineData(ReadyToShip, Shipped, true)]
    [InlineData(Shipped, Delivered, true)]
    [InlineData(Processing, Shipped, false)]
    [InlineData(Delivered, Shipped, false)]
    [InlineData(PaymentReceived, Delivered, false)]
    public void Given_a_partially_refunded_order_Then_its_fulfilment_progress_follows_the_chain(OrderStatus progress, OrderStatus to, bool allowed)
    {
        Assert.Equal(allowed, OrderStateMachine.CanMove(PartiallyRefunded, progress, to));
    }

    [Fact]
    public void Given_a_partially_refunded_order_Then_it_can_still_become_refunded_and_nothing_else_of_the_money_states()
    {
        Assert.True(OrderStateMachine.CanMove(PartiallyRefunded, Shipped, Refunded));
        Assert.False(OrderStateMachine.CanMove(PartiallyRefunded, Shipped, Cancelled));
        Assert.False(OrderStateMachine.CanMove(PartiallyRefunded, Shipped, PendingPayment));
    }
}
