using SbbCommerce.Api.Modules.Cart.Pricing;

namespace SbbCommerce.Api.Modules.Cart.Admin;

internal sealed class DiscountRequestValidator : AbstractValidator<DiscountRequest>
{
    public DiscountRequestValidator()
    {
        RuleFor(r => r.Code).NotEmpty().Matches("^[A-Za-z0-9_-]{3,50}$").WithMessage("3-50 letters, digits, - or _.");
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.DiscountType).Must(t => t is DiscountTypes.Percentage or DiscountTypes.FixedAmount)
            .WithMessage("discountType is percentage or fixed_amount.");
        RuleFor(r => r.Value).InclusiveBetween(1, 100).When(r => r.DiscountType == DiscountTypes.Percentage);
        RuleFor(r => r.Value).GreaterThan(0).When(r => r.DiscountType == DiscountTypes.FixedAmount);
        RuleFor(r => r.MinimumOrderCents).GreaterThanOrEqualTo(0);
        RuleFor(r => r.MaximumDiscountCents).GreaterThan(0);
        RuleFor(r => r.UsageLimit).GreaterThan(0);
        RuleFor(r => r.UsageLimitPerUser).GreaterThan(0);
        RuleFor(r => r.ExpiresAt).GreaterThan(r => r.StartsAt ?? DateTimeOffset.MinValue).When(r => r.ExpiresAt is not null)
            .WithMessage("expiresAt must be after startsAt.");
    }
}
