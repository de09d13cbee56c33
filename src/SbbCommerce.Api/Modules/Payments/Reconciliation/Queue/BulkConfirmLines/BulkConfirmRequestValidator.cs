namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.BulkConfirmLines;

internal sealed class BulkConfirmRequestValidator : AbstractValidator<BulkConfirmRequest>
{
    public BulkConfirmRequestValidator()
    {
        RuleFor(r => r.Items).NotEmpty().Must(i => i is null || i.Count <= 200).WithMessage("At most 200 lines at once.")
            .Must(i => i is null || i.Select(x => x.LineId).Distinct().Count() == i.Count).WithMessage("A line appears twice.")
            .Must(i => i is null || i.Select(x => x.PaymentId).Distinct().Count() == i.Count).WithMessage("A payment appears twice.");
        RuleForEach(r => r.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.LineId).NotEmpty();
            item.RuleFor(i => i.PaymentId).NotEmpty();
        });
    }
}
