using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Proofs;
using SbbCommerce.Api.Modules.Payments.StateMachine;
using static SbbCommerce.Api.Modules.Payments.Contracts.PaymentStatus;

namespace SbbCommerce.UnitTests.Payments;

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
    public void Given_any_two_statuses_Then_only_the_table_allows_the_move(PaymentStatus from, PaymentStatus to)
    {
        Assert.Equal(Allowed.Contains((from, to)), PaymentStateMachine.Machine.CanMove(from, to));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, "image/webp")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, null)]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45 }, null)]
    [InlineData(new byte[] { }, null)]
    public void Given_the_first_bytes_of_a_file_Then_only_png_jpeg_webp_and_pdf_are_recognised(byte[] head, string? expected)
    {
        Assert.Equal(expected, ProofFiles.Sniff(head));
    }
}
