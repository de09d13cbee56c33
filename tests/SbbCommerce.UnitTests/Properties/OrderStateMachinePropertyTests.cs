using CsCheck;
using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Orders.StateMachine;
using static SbbCommerce.Api.Modules.Orders.Contracts.OrderStatus;

namespace SbbCommerce.UnitTests.Properties;

/// <summary>
/// Random walks through <see cref="OrderStateMachine"/> (status and the fulfilment progress of a partially refunded
/// order), each step one of the moves the machine allows: the walk never ships unpaid goods, never cancels paid ones,
/// never leaves a closed order and never moves a partially refunded order's fulfilment backwards.
/// </summary>
public sealed class OrderStateMachinePropertyTests
{
    public const int Iterations = 2_000;

    private static readonly OrderStatus[] Chain = [PaymentReceived, Processing, ReadyToShip, Shipped, Delivered];

    /// <summary>Each int picks one of the moves allowed at that step (modulo their count).</summary>
    private static readonly Gen<int[]> Walks = Gen.Int[0, 1_000].Array[1, 12];

    [Fact]
    public void Given_any_walk_of_allowed_moves_Then_goods_ship_only_after_payment_and_paid_orders_are_never_cancelled() =>
        Walks.Sample(choices =>
        {
            var order = new WalkedOrder();
            foreach (var choice in choices)
            {
                var moves = order.AllowedMoves();
                if (moves.Count == 0)
                {
                    break;
                }

                var to = moves[choice % moves.Count];
                if (to is Processing or ReadyToShip or Shipped or Delivered or Refunded or PartiallyRefunded)
                {
                    Assert.True(order.Paid, $"{order.Status} -> {to} before payment");
                }

                if (to == Cancelled)
                {
                    Assert.False(order.Paid, "a paid order was cancelled");
                }

                var stepBefore = order.Step;
                order.Move(to);
                if (order.Status == PartiallyRefunded && to != PartiallyRefunded)
                {
                    Assert.True(Array.IndexOf(Chain, order.Step) > Array.IndexOf(Chain, stepBefore), $"progress {stepBefore} -> {order.Step}");
                }
            }

            if (order.Status is Cancelled or Refunded)
            {
                Assert.All(Enum.GetValues<OrderStatus>(), to => Assert.False(OrderStateMachine.CanMove(order.Status, order.Progress, to)));
            }
        }, iter: Iterations);

    [Fact]
    public void Given_any_walk_Then_every_status_it_reaches_is_reachable_only_through_the_table() =>
        Walks.Sample(choices =>
        {
            var order = new WalkedOrder();
            var visited = new List<OrderStatus> { order.Status };
            foreach (var choice in choices)
            {
                var moves = order.AllowedMoves();
                if (moves.Count == 0)
                {
                    break;
                }

                var to = moves[choice % moves.Count];
                var from = order.Status;
                order.Move(to);
                Assert.True(from == order.Status || OrderStateMachine.Machine.CanMove(from, order.Status), $"{from} -> {order.Status}");
                visited.Add(order.Status);
            }

            // Delivered comes only after shipped, shipped only after ready to ship (on the status or the progress).
            var delivered = visited.IndexOf(Delivered);
            Assert.True(delivered < 0 || visited.IndexOf(Shipped) is var shipped && shipped >= 0 && shipped < delivered);
        }, iter: Iterations);

    /// <summary>
    /// The order's status and progress as <see cref="OrderTransitions.MoveAsync"/> keeps them (the status/progress
    /// bookkeeping, without the database).
    /// </summary>
    private sealed class WalkedOrder
    {
        public OrderStatus Status { get; private set; } = PendingPayment;

        public OrderStatus? Progress { get; private set; }

        public bool Paid { get; private set; }

        public OrderStatus Step => Status == PartiallyRefunded ? Progress ?? PaymentReceived : Status;

        public List<OrderStatus> AllowedMoves() =>
            Enum.GetValues<OrderStatus>().Where(to => OrderStateMachine.CanMove(Status, Progress, to)).ToList();

        public void Move(OrderStatus to)
        {
            Paid |= to == PaymentReceived;
            if (Status == PartiallyRefunded && to != Refunded)
            {
                Progress = to;
                return;
            }

            if (to == PartiallyRefunded)
            {
                Progress = Status;
            }

            Status = to;
        }
    }
}
