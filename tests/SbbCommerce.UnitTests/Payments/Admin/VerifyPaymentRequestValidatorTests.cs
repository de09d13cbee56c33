using SbbCommerce.Api.Modules.Payments.Admin.VerifyPayment;

namespace SbbCommerce.UnitTests.Payments.Admin;

public sealed class VerifyPaymentRequestValidatorTests
{
    private readonly VerifyPaymentRequestValidator _validator = new();

    [Fact]
    public void Given_no_amount_and_no_notes_When_validated_Then_it_is_accepted()
    {
        _validator.TestValidate(new VerifyPaymentRequest(null, null)).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_a_received_amount_of_zero_When_validated_Then_the_amount_is_refused()
    {
        _validator.TestValidate(new VerifyPaymentRequest(0, null)).ShouldHaveValidationErrorFor(r => r.ReceivedAmountCents);
    }

    [Fact]
    public void Given_notes_over_2000_characters_When_validated_Then_the_notes_are_refused()
    {
        _validator.TestValidate(new VerifyPaymentRequest(100, new string('x', 2001))).ShouldHaveValidationErrorFor(r => r.Notes);
    }
}
