using SbbCommerce.Api.Modules.Cart.Data;

namespace SbbCommerce.Api.Modules.Cart.Admin;

/// <summary>
/// What the admin discount slices share. Every change is audited; delete switches a code off (orders keep referring to it).
/// </summary>
internal static class DiscountRules
{
    /// <summary>The unique index on the code: a create or update that collides answers 409.</summary>
    public const string CodeUniqueConstraint = "discounts_code_unique";

    public static void Apply(Discount discount, DiscountRequest request, DateTimeOffset now)
    {
        discount.Value = request.Value;
        discount.MinimumOrderCents = request.MinimumOrderCents;
        discount.MaximumDiscountCents = request.MaximumDiscountCents;
        discount.UsageLimit = request.UsageLimit;
        discount.UsageLimitPerUser = request.UsageLimitPerUser;
        discount.StartsAt = request.StartsAt ?? (discount.StartsAt == default ? now : discount.StartsAt);
        discount.ExpiresAt = request.ExpiresAt;
        discount.ProductIds = request.ProductIds is { Length: > 0 } products ? products : null;
        discount.UserIds = request.UserIds is { Length: > 0 } users ? users : null;
        discount.FirstOrderOnly = request.FirstOrderOnly;
        discount.IsActive = request.IsActive;
        discount.UpdatedAt = now;
    }

    public static ProblemHttpResult NotFound() => ApiProblems.NotFound(CartErrors.DiscountNotFound, "Discount not found.");

    public static ProblemHttpResult CodeTaken() => ApiProblems.Conflict(CartErrors.DiscountCodeTaken, "A discount with this code exists.");
}
