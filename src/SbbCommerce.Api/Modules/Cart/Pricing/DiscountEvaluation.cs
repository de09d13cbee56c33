using SbbCommerce.Api.Modules.Cart.Data;

namespace SbbCommerce.Api.Modules.Cart.Pricing;

/// <summary>The reasons of API.md for <c>discount_invalid</c>.</summary>
internal static class DiscountReasons
{
    public const string Expired = "expired";
    public const string NotStarted = "not_started";
    public const string UsageLimitReached = "usage_limit_reached";
    public const string MinimumNotMet = "minimum_not_met";
    public const string NotApplicable = "not_applicable";
    public const string FirstOrderOnly = "first_order_only";
    public const string PerUserLimitReached = "per_user_limit_reached";
}

/// <summary>What a discount is checked against. Order counts are null for anonymous carts (checked at checkout).</summary>
internal sealed record DiscountContext(
    int SubtotalCents,
    IReadOnlyList<(Guid ProductId, int LineTotalCents)> Lines,
    Guid? UserId,
    DateTimeOffset Now,
    int? PlacedOrders,
    int? UsesByUser);

/// <summary>Whether a discount applies, and how much it takes off (in cents, never more than the eligible lines).</summary>
internal sealed record DiscountEvaluation(bool Applies, string? Reason, int AmountCents)
{
    public static DiscountEvaluation Refused(string reason) => new(false, reason, 0);

    /// <summary>Every rule of the discounts table, in the order a buyer can act on them.</summary>
    public static DiscountEvaluation Evaluate(Discount discount, DiscountContext context)
    {
        ArgumentNullException.ThrowIfNull(discount);
        ArgumentNullException.ThrowIfNull(context);
        if (!discount.IsActive)
        {
            return Refused(DiscountReasons.NotApplicable);
        }

        if (context.Now < discount.StartsAt)
        {
            return Refused(DiscountReasons.NotStarted);
        }

        if (discount.ExpiresAt is { } expiresAt && context.Now >= expiresAt)
        {
            return Refused(DiscountReasons.Expired);
        }

        if (discount.UsageLimit is { } limit && discount.UsageCount >= limit)
        {
            return Refused(DiscountReasons.UsageLimitReached);
        }

        if (discount.UserIds is { Length: > 0 } users && (context.UserId is null || !users.Contains(context.UserId.Value)))
        {
            return Refused(DiscountReasons.NotApplicable);
        }

        if (discount.FirstOrderOnly && context.PlacedOrders > 0)
        {
            return Refused(DiscountReasons.FirstOrderOnly);
        }

        if (discount.UsageLimitPerUser is { } perUser && context.UsesByUser >= perUser)
        {
            return Refused(DiscountReasons.PerUserLimitReached);
        }

        if (discount.MinimumOrderCents is { } minimum && context.SubtotalCents < minimum)
        {
            return Refused(DiscountReasons.MinimumNotMet);
        }

        var eligible = discount.ProductIds is { Length: > 0 } targeted
            ? context.Lines.Where(line => targeted.Contains(line.ProductId)).Sum(line => line.LineTotalCents)
            : context.SubtotalCents;
        if (eligible <= 0)
        {
            return Refused(DiscountReasons.NotApplicable);
        }

        var amount = discount.DiscountType == DiscountTypes.Percentage
            ? (int)((((long)eligible * discount.Value) + 50) / 100) // half a cent rounds up
            : discount.Value;
        if (discount.MaximumDiscountCents is { } maximum)
        {
            amount = Math.Min(amount, maximum);
        }

        return new DiscountEvaluation(true, null, Math.Clamp(amount, 0, eligible));
    }
}

/// <summary>The <c>discounts.discount_type</c> values.</summary>
internal static class DiscountTypes
{
    public const string Percentage = "percentage";
    public const string FixedAmount = "fixed_amount";
}
