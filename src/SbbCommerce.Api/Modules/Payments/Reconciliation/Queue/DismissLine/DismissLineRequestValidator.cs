namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.DismissLine;

internal sealed class DismissLineRequestValidator : AbstractValidator<DismissLineRequest>
{
    public DismissLineRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
}
