using SbbCommerce.Api.Modules.Payments.Admin.RejectPayment;

namespace SbbCommerce.UnitTests.Payments.Admin;

public sealed class RejectPaymentRequestValidatorTests
{
    private readonly RejectPaymentRequestValidator _validator = new();

    [Fact]
    public void Given_a_reason_When_validated_Then_it_is_accepted()
    {
        _validator.TestValidate(new RejectPaymentRequest("nothing arrived")).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Given_no_reason_When_validated_Then_the_reason_is_refused(string? reason)
    {
        _validator.TestValidate(new RejectPaymentRequest(reason!)).ShouldHaveValidationErrorFor(r => r.Reason);
    }

    [Fact]
    public void Given_a_reason_over_1000_characters_When_validated_Then_the_reason_is_refused()
    {
        _validator.TestValidate(new RejectPaymentRequest(new string('x', 1001))).ShouldHaveValidationErrorFor(r => r.Reason);
    }
}
