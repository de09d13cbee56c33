using SbbCommerce.Api.Modules.Cart.Data;
using SbbCommerce.Api.Modules.Cart.Pricing;

namespace SbbCommerce.UnitTests.Cart.Pricing;

public sealed class DiscountEvaluationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid ProductA = Guid.NewGuid();
    private static readonly Guid ProductB = Guid.NewGuid();

    private static Discount Discount(string type = "percentage", int value = 10) => new()
    {
        Code = "TEST",
        Name = "Test",
        DiscountType = type,
        Value = value,
        UsageLimitPerUser = null,
        StartsAt = Now.AddDays(-1),
    };

    private static DiscountContext Context(int subtotal = 10_000, Guid? user = null, int? placed = null, int? uses = null) =>
        new(subtotal, [(ProductA, subtotal / 2), (ProductB, subtotal - (subtotal / 2))], user, Now, placed, uses);

    [Fact]
    public void Given_ten_percent_of_12345_cents_Then_1235_half_a_cent_rounding_up()
    {
        var result = DiscountEvaluation.Evaluate(Discount(), Context(12_345) with { Lines = [(ProductA, 12_345)] });

        Assert.True(result.Applies);
        Assert.Equal(1_235, result.AmountCents);
    }

    [Fact]
    public void Given_a_maximum_Then_the_amount_is_capped()
    {
        var discount = Discount(value: 50);
        discount.MaximumDiscountCents = 1_000;

        Assert.Equal(1_000, DiscountEvaluation.Evaluate(discount, Context()).AmountCents);
    }

    [Fact]
    public void Given_a_fixed_amount_above_the_eligible_lines_Then_it_takes_only_those_lines()
    {
        var discount = Discount("fixed_amount", 8_000);
        discount.ProductIds = [ProductA];

        Assert.Equal(5_000, DiscountEvaluation.Evaluate(discount, Context()).AmountCents);
    }

    [Theory]
    [InlineData("inactive", "not_applicable")]
    [InlineData("future", "not_started")]
    [InlineData("past", "expired")]
    [InlineData("exhausted", "usage_limit_reached")]
    [InlineData("minimum", "minimum_not_met")]
    [InlineData("other_user", "not_applicable")]
    [InlineData("first_order", "first_order_only")]
    [InlineData("per_user", "per_user_limit_reached")]
    [InlineData("other_product", "not_applicable")]
    public void Given_a_rule_that_fails_Then_its_reason(string rule, string reason)
    {
        var discount = Discount();
        var context = Context(user: Guid.NewGuid(), placed: 1, uses: 1);
        switch (rule)
        {
            case "inactive": discount.IsActive = false; break;
            case "future": discount.StartsAt = Now.AddMinutes(1); break;
            case "past": discount.ExpiresAt = Now; break;
            case "exhausted": discount.UsageLimit = 3; discount.UsageCount = 3; break;
            case "minimum": discount.MinimumOrderCents = 10_001; break;
            case "other_user": discount.UserIds = [Guid.NewGuid()]; break;
            case "first_order": discount.FirstOrderOnly = true; break;
            case "per_user": discount.UsageLimitPerUser = 1; break;
            case "other_product": discount.ProductIds = [Guid.NewGuid()]; break;
        }

        var result = DiscountEvaluation.Evaluate(discount, context);

        Assert.False(result.Applies);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void Given_an_anonymous_cart_Then_first_order_and_per_user_rules_wait_for_checkout()
    {
        var discount = Discount();
        discount.FirstOrderOnly = true;
        discount.UsageLimitPerUser = 1;

        Assert.True(DiscountEvaluation.Evaluate(discount, Context()).Applies);
    }
}
