using FluentValidation;

namespace SbbCommerce.Api.Modules.Fulfillment.Returns;

/// <summary>Units of a shipment that came back.</summary>
/// <param name="Items">Order lines and units.</param>
/// <param name="Restock">Put them back on the shelf: on hand and their lot's remaining units rise.</param>
/// <param name="Reason">Why they came back.</param>
internal sealed record ReturnRequest(IReadOnlyList<ReturnItem> Items, bool Restock, string Reason);

/// <summary>Units of one order line.</summary>
/// <param name="OrderItemId">The order line.</param>
/// <param name="Quantity">Units, at least 1.</param>
internal sealed record ReturnItem(Guid OrderItemId, int Quantity);

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
