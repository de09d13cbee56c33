using SbbCommerce.Api.Modules.Payments.Refunds.CreateRefund;

namespace SbbCommerce.UnitTests.Payments.Refunds;

public sealed class CreateRefundRequestValidatorTests
{
    private readonly CreateRefundRequestValidator _validator = new();

    [Fact]
    public void Given_an_amount_a_reason_and_a_method_When_validated_Then_it_is_accepted()
    {
        _validator.TestValidate(new CreateRefundRequest(3_000, "damaged", null, "original_method")).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_an_amount_of_zero_When_validated_Then_the_amount_is_refused()
    {
        _validator.TestValidate(new CreateRefundRequest(0, "damaged", null, "check")).ShouldHaveValidationErrorFor(r => r.AmountCents);
    }

    [Fact]
    public void Given_no_reason_When_validated_Then_the_reason_is_refused()
    {
        _validator.TestValidate(new CreateRefundRequest(100, "", null, "check")).ShouldHaveValidationErrorFor(r => r.Reason);
    }

    [Fact]
    public void Given_no_refund_method_When_validated_Then_the_method_is_refused()
    {
        _validator.TestValidate(new CreateRefundRequest(100, "damaged", null, "")).ShouldHaveValidationErrorFor(r => r.RefundMethod);
    }

    [Fact]
    public void Given_details_over_2000_characters_When_validated_Then_the_details_are_refused()
    {
        _validator.TestValidate(new CreateRefundRequest(100, "damaged", new string('x', 2001), "check")).ShouldHaveValidationErrorFor(r => r.ReasonDetails);
    }
}
