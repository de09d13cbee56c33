using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.StateMachine;
using static SbbCommerce.Api.Modules.Payments.Contracts.PaymentStatus;

namespace SbbCommerce.UnitTests.Payments.StateMachine;

public sealed class PaymentStateMachineTests
{
    private static readonly HashSet<(PaymentStatus, PaymentStatus)> Allowed =
    [
        (Pending, AwaitingVerification), (Pending, Expired), (Pending, Cancelled),
        (AwaitingVerification, Completed), (AwaitingVerification, Failed),
        (Completed, PartiallyRefunded), (Completed, Refunded),
        (PartiallyRefunded, Refunded),
    ];

    public static TheoryData<PaymentStatus, PaymentStatus> EveryPair()
    {
        var data = new TheoryData<PaymentStatus, PaymentStatus>();
        foreach (var from in Enum.GetValues<PaymentStatus>())
        {
            foreach (var to in Enum.GetValues<PaymentStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Given_any_two_statuses_When_moving_from_one_to_the_other_Then_only_the_table_allows_it(PaymentStatus from, PaymentStatus to)
    {
        Assert.Equal(Allowed.Contains((from, to)), PaymentStateMachine.Machine.CanMove(from, to));
    }
}
