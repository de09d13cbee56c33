namespace SbbCommerce.Api.Modules.Fulfillment.Create;

internal sealed class CreateFulfillmentRequestValidator : AbstractValidator<CreateFulfillmentRequest>
{
    public CreateFulfillmentRequestValidator()
    {
        RuleFor(r => r.Items).NotEmpty().Must(items => items is null || items.Count <= 200).WithMessage("At most 200 items.");
        RuleForEach(r => r.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.OrderItemId).NotEmpty();
            item.RuleFor(i => i.Quantity).InclusiveBetween(1, 100_000);
            item.RuleFor(i => i.BatchId).NotEqual(Guid.Empty);
        });
        RuleFor(r => r.Items)
            .Must(items => items is null || items.Select(i => (i.OrderItemId, i.BatchId)).Distinct().Count() == items.Count)
            .WithMessage("Each order line appears once per batch.");
    }
}
