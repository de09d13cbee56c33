using SbbCommerce.Api.Modules.Payments.Customer.CreatePayment;

namespace SbbCommerce.UnitTests.Payments.Customer;

public sealed class NewPaymentRequestValidatorTests
{
    private readonly NewPaymentRequestValidator _validator = new();

    [Fact]
    public void Given_a_method_and_no_amount_When_validated_Then_it_is_accepted()
    {
        _validator.TestValidate(new NewPaymentRequest(Guid.NewGuid(), null)).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_no_method_When_validated_Then_the_method_is_refused()
    {
        _validator.TestValidate(new NewPaymentRequest(Guid.Empty, 1_000)).ShouldHaveValidationErrorFor(r => r.PaymentMethodId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Given_an_amount_of_zero_or_less_When_validated_Then_the_amount_is_refused(int amountCents)
    {
        _validator.TestValidate(new NewPaymentRequest(Guid.NewGuid(), amountCents)).ShouldHaveValidationErrorFor(r => r.AmountCents);
    }
}
