namespace SbbCommerce.Api.Modules.Payments.Admin.VerifyPayment;

internal sealed class VerifyPaymentRequestValidator : AbstractValidator<VerifyPaymentRequest>
{
    public VerifyPaymentRequestValidator()
    {
        RuleFor(r => r.ReceivedAmountCents).GreaterThan(0).When(r => r.ReceivedAmountCents is not null);
        RuleFor(r => r.Notes).MaximumLength(2000);
    }
}
