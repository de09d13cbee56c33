using FluentValidation;
using SbbCommerce.Api.Common.OpenApi;
using SbbCommerce.Api.Modules.Cart.Data;
using SbbCommerce.Api.Modules.Cart.Pricing;

namespace SbbCommerce.Api.Modules.Cart.Admin;

/// <summary>A discount code and its rules.</summary>
/// <param name="Code">3-50 characters: letters, digits, - and _ (stored upper-case; unique).</param>
/// <param name="Name">Admin-facing name.</param>
/// <param name="DiscountType">percentage or fixed_amount.</param>
/// <param name="Value">Percentage 1-100, or cents.</param>
/// <param name="MinimumOrderCents">Cart subtotal needed, if any.</param>
/// <param name="MaximumDiscountCents">Cap on the amount taken off, if any.</param>
/// <param name="UsageLimit">Total uses across all customers (null: unlimited).</param>
/// <param name="UsageLimitPerUser">Uses per customer (null: unlimited).</param>
/// <param name="StartsAt">From when (default: now).</param>
/// <param name="ExpiresAt">Until when (null: no end).</param>
/// <param name="ProductIds">Only these products' lines are discounted (null: all).</param>
/// <param name="UserIds">Only these customers may use it (null: everyone).</param>
/// <param name="FirstOrderOnly">Only for a customer's first order.</param>
/// <param name="IsActive">Switched on.</param>
internal sealed record DiscountRequest(
    string Code,
    string Name,
    [property: SchemaValues(typeof(DiscountTypes))] string DiscountType,
    int Value,
    int? MinimumOrderCents,
    int? MaximumDiscountCents,
    int? UsageLimit,
    int? UsageLimitPerUser,
    DateTimeOffset? StartsAt,
    DateTimeOffset? ExpiresAt,
    Guid[]? ProductIds,
    Guid[]? UserIds,
    bool FirstOrderOnly,
    bool IsActive = true);

/// <summary>A discount as admins see it, with its usage so far.</summary>
internal sealed record DiscountResponse(
    Guid Id,
    string Code,
    string Name,
    [property: SchemaValues(typeof(DiscountTypes))] string DiscountType,
    int Value,
    int? MinimumOrderCents,
    int? MaximumDiscountCents,
    int? UsageLimit,
    int UsageCount,
    int? UsageLimitPerUser,
    DateTimeOffset StartsAt,
    DateTimeOffset? ExpiresAt,
    Guid[]? ProductIds,
    Guid[]? UserIds,
    bool FirstOrderOnly,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static DiscountResponse From(Discount d) => new(d.Id, d.Code, d.Name, d.DiscountType, d.Value, d.MinimumOrderCents,
        d.MaximumDiscountCents, d.UsageLimit, d.UsageCount, d.UsageLimitPerUser, d.StartsAt, d.ExpiresAt, d.ProductIds, d.UserIds,
        d.FirstOrderOnly, d.IsActive, d.CreatedAt, d.UpdatedAt);
}

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
