namespace SbbCommerce.Api.Modules.Fulfillment.Returns;

internal sealed class ReturnRequestValidator : AbstractValidator<ReturnRequest>
{
    public ReturnRequestValidator()
    {
        RuleFor(r => r.Items).NotEmpty().Must(items => items is null || items.Count <= 200).WithMessage("At most 200 items.");
        RuleForEach(r => r.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.OrderItemId).NotEmpty();
            item.RuleFor(i => i.Quantity).InclusiveBetween(1, 100_000);
        });
        RuleFor(r => r.Items).Must(items => items is null || items.Select(i => i.OrderItemId).Distinct().Count() == items.Count)
            .WithMessage("Each order line appears once.");
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
    }
}
