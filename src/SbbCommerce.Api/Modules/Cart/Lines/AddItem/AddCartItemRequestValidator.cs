namespace SbbCommerce.Api.Modules.Cart.Lines.AddItem;

internal sealed class AddCartItemRequestValidator : AbstractValidator<AddCartItemRequest>
{
    public AddCartItemRequestValidator(IOptions<CartOptions> options)
    {
        RuleFor(r => r.ProductId).NotEmpty();
        RuleFor(r => r.Quantity).InclusiveBetween(1, options.Value.MaxQuantityPerLine);
    }
}
