using SbbCommerce.Api.Modules.Cart.Admin;
using SbbCommerce.Api.Modules.Cart.Pricing;

namespace SbbCommerce.UnitTests.Cart.Admin;

public sealed class DiscountRequestValidatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly DiscountRequestValidator _validator = new();

    [Fact]
    public void Given_a_ten_percent_code_When_validating_Then_it_is_accepted()
    {
        _validator.TestValidate(Percentage(10)).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("AB")]
    [InlineData("WITH SPACE")]
    public void Given_a_code_too_short_or_with_a_space_When_validating_Then_it_is_refused(string code)
    {
        _validator.TestValidate(Percentage(10) with { Code = code }).ShouldHaveValidationErrorFor(r => r.Code);
    }

    [Fact]
    public void Given_a_percentage_over_100_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(Percentage(101)).ShouldHaveValidationErrorFor(r => r.Value);
    }

    [Fact]
    public void Given_a_fixed_amount_of_500_cents_When_validating_Then_it_is_accepted()
    {
        _validator.TestValidate(Percentage(500) with { DiscountType = DiscountTypes.FixedAmount }).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_an_unknown_type_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(Percentage(10) with { DiscountType = "bogo" }).ShouldHaveValidationErrorFor(r => r.DiscountType);
    }

    [Fact]
    public void Given_an_end_before_the_start_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(Percentage(10) with { StartsAt = Start, ExpiresAt = Start.AddDays(-1) }).ShouldHaveValidationErrorFor(r => r.ExpiresAt);
    }

    [Fact]
    public void Given_a_usage_limit_of_zero_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(Percentage(10) with { UsageLimit = 0 }).ShouldHaveValidationErrorFor(r => r.UsageLimit);
    }

    private static DiscountRequest Percentage(int value) => new(
        "WELCOME10", "Welcome", DiscountTypes.Percentage, value, null, null, null, null, null, null, null, null, false);
}
