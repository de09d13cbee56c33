namespace SbbCommerce.Api.Modules.Cart.Lines.UpdateItem;

internal sealed class UpdateCartItemRequestValidator : AbstractValidator<UpdateCartItemRequest>
{
    public UpdateCartItemRequestValidator(IOptions<CartOptions> options) =>
        RuleFor(r => r.Quantity).InclusiveBetween(1, options.Value.MaxQuantityPerLine);
}
