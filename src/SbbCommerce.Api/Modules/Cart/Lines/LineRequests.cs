using FluentValidation;
using Microsoft.Extensions.Options;

namespace SbbCommerce.Api.Modules.Cart.Lines;

/// <summary>Units of a product to add to the cart (merged into its line if present).</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Quantity">Units to add, 1 or more.</param>
internal sealed record AddCartItemRequest(Guid ProductId, int Quantity);

/// <summary>The new quantity of a line.</summary>
/// <param name="Quantity">Units, 1 or more (remove the line with DELETE).</param>
internal sealed record UpdateCartItemRequest(int Quantity);

internal sealed class AddCartItemRequestValidator : AbstractValidator<AddCartItemRequest>
{
    public AddCartItemRequestValidator(IOptions<CartOptions> options)
    {
        RuleFor(r => r.ProductId).NotEmpty();
        RuleFor(r => r.Quantity).InclusiveBetween(1, options.Value.MaxQuantityPerLine);
    }
}

internal sealed class UpdateCartItemRequestValidator : AbstractValidator<UpdateCartItemRequest>
{
    public UpdateCartItemRequestValidator(IOptions<CartOptions> options) =>
        RuleFor(r => r.Quantity).InclusiveBetween(1, options.Value.MaxQuantityPerLine);
}
