using CsCheck;
using SbbCommerce.Api.Modules.Cart.Data;
using SbbCommerce.Api.Modules.Cart.Pricing;
using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.StateMachine;
using static SbbCommerce.Api.Modules.Payments.Contracts.PaymentStatus;

namespace SbbCommerce.UnitTests.Properties;

/// <summary>
/// Money as integer cents: a discount never takes more than the lines it targets nor goes negative, and a payment's
/// random walk through <see cref="PaymentStateMachine"/> with refunds of any size keeps refunded within paid.
/// </summary>
public sealed class MoneyPropertyTests
{
    public const int Iterations = 2_000;

    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static readonly Gen<(int[] Lines, bool Percentage, int Value, int? Maximum, bool Targeted)> Discounts =
        Gen.Select(Gen.Int[0, 2_000_000].Array[1, 8], Gen.Bool, Gen.Int[0, 100_000], Gen.Int[0, 50_000].Nullable(), Gen.Bool);

    [Fact]
    public void Given_any_cart_and_discount_Then_the_amount_is_between_zero_and_the_eligible_lines_and_the_total_never_negative() =>
        Discounts.Sample(sample =>
        {
            var products = sample.Lines.Select(_ => Guid.NewGuid()).ToArray();
            var lines = sample.Lines.Select((cents, i) => (products[i], cents)).ToList();
            var subtotal = sample.Lines.Sum();
            var value = sample.Percentage ? sample.Value % 101 : sample.Value;
            var discount = new Discount
            {
                Code = "PROP",
                Name = "Property",
                DiscountType = sample.Percentage ? DiscountTypes.Percentage : DiscountTypes.FixedAmount,
                Value = value,
                MaximumDiscountCents = sample.Maximum,
                UsageLimitPerUser = null,
                StartsAt = Now.AddDays(-1),
                ProductIds = sample.Targeted ? [products[0]] : null,
            };

            var result = DiscountEvaluation.Evaluate(discount, new DiscountContext(subtotal, lines, null, Now, null, null));

            var eligible = sample.Targeted ? sample.Lines[0] : subtotal;
            if (!result.Applies)
            {
                Assert.Equal(0, result.AmountCents);
                Assert.Equal(0, eligible);
                return;
            }

            Assert.InRange(result.AmountCents, 0, eligible);
            Assert.True(subtotal - result.AmountCents >= 0);
            Assert.True(sample.Maximum is null || result.AmountCents <= sample.Maximum);
            if (sample.Percentage && sample.Maximum is null)
            {
                // Exact to the half cent: |amount * 100 - eligible * value| <= 50.
                Assert.InRange((result.AmountCents * 100L) - ((long)eligible * value), -50, 50);
            }
        }, iter: Iterations);

    [Fact]
    public void Given_any_walk_of_allowed_payment_moves_with_refunds_Then_refunded_stays_within_paid_and_the_status_says_so() =>
        Gen.Select(Gen.Int[1, 1_000_000], Gen.Int[0, 1_000].Array[1, 10], Gen.Int[1, 1_000_000].Array[10]).Sample(sample =>
        {
            var (amount, choices, refundSizes) = sample;
            var status = Pending;
            var (paid, refunded, step) = (0, 0, 0);
            foreach (var choice in choices)
            {
                var moves = Enum.GetValues<PaymentStatus>().Where(to => PaymentStateMachine.Machine.CanMove(status, to)).ToList();
                if (moves.Count == 0)
                {
                    break;
                }

                var to = moves[choice % moves.Count];
                switch (to)
                {
                    case Completed:
                        Assert.Equal(AwaitingVerification, status);
                        paid = amount;
                        break;
                    case PartiallyRefunded or Refunded:
                        Assert.True(status is Completed or PartiallyRefunded, $"{status} -> {to}");
                        var refundable = paid - refunded;
                        // A refund of any size up to what is refundable; the full remainder makes it refunded.
                        var refund = to == Refunded ? refundable : Math.Min(refundSizes[step++ % refundSizes.Length] % refundable, refundable - 1);
                        if (to == PartiallyRefunded && refund <= 0)
                        {
                            continue; // one cent paid: nothing can be refunded in part
                        }

                        refunded += refund;
                        break;
                }

                status = to;
                Assert.InRange(refunded, 0, paid);
                Assert.Equal(status == Refunded, paid > 0 && refunded == paid);
                Assert.Equal(status == PartiallyRefunded, refunded > 0 && refunded < paid);
            }

            Assert.True(paid == 0 || status is Completed or PartiallyRefunded or Refunded);
        }, iter: Iterations);
}
