using FluentValidation;

namespace SbbCommerce.Api.Modules.Fulfillment.Create;

/// <summary>The units of an order that go into one shipment.</summary>
/// <param name="Items">At least one line; a line may appear twice with two named batches.</param>
internal sealed record CreateFulfillmentRequest(IReadOnlyList<CreateFulfillmentItem> Items);

/// <summary>Units of one order line.</summary>
/// <param name="OrderItemId">The order line.</param>
/// <param name="Quantity">Units, at least 1.</param>
/// <param name="BatchId">The lot to draw from (validated like FEFO's choice); absent: first expiring, first out, split over lots when one is short.</param>
internal sealed record CreateFulfillmentItem(Guid OrderItemId, int Quantity, Guid? BatchId);

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
