using SbbCommerce.Api.Modules.Cart.Data;
using SbbCommerce.Api.Modules.Cart.Pricing;

namespace SbbCommerce.Api.Modules.Cart.Admin;

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
