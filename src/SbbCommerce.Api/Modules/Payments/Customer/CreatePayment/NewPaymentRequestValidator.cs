namespace SbbCommerce.Api.Modules.Payments.Customer.CreatePayment;

internal sealed class NewPaymentRequestValidator : AbstractValidator<NewPaymentRequest>
{
    public NewPaymentRequestValidator()
    {
        RuleFor(r => r.PaymentMethodId).NotEmpty();
        RuleFor(r => r.AmountCents).GreaterThan(0).When(r => r.AmountCents is not null);
    }
}
