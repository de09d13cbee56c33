namespace SbbCommerce.Api.Modules.Payments.Admin.RejectPayment;

internal sealed class RejectPaymentRequestValidator : AbstractValidator<RejectPaymentRequest>
{
    public RejectPaymentRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
}
