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
