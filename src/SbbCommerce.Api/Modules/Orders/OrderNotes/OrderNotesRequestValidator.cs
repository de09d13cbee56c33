namespace SbbCommerce.Api.Modules.Orders.OrderNotes;

internal sealed class OrderNotesRequestValidator : AbstractValidator<OrderNotesRequest>
{
    public OrderNotesRequestValidator() => RuleFor(r => r.InternalNotes).MaximumLength(10_000);
}
