namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.ConfirmLine;

internal sealed class ConfirmLineRequestValidator : AbstractValidator<ConfirmLineRequest>
{
    public ConfirmLineRequestValidator()
    {
        RuleFor(r => r.PaymentId).NotEmpty();
        RuleFor(r => r.Notes).MaximumLength(2000);
    }
}
