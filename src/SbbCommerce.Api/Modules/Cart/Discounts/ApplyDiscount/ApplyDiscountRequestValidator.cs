namespace SbbCommerce.Api.Modules.Cart.Discounts.ApplyDiscount;

internal sealed class ApplyDiscountRequestValidator : AbstractValidator<ApplyDiscountRequest>
{
    public ApplyDiscountRequestValidator() => RuleFor(r => r.Code).NotEmpty().MaximumLength(50);
}
