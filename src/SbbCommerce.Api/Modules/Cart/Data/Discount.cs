namespace SbbCommerce.Api.Modules.Cart.Data;

/// <summary>A row of <c>discounts</c>.</summary>
internal sealed class Discount : RowVersioned
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string DiscountType { get; set; }
    public int Value { get; set; }
    public int? MinimumOrderCents { get; set; }
    public int? MaximumDiscountCents { get; set; }
    public int? UsageLimit { get; set; }
    public int UsageCount { get; set; }
    public int? UsageLimitPerUser { get; set; } = 1;
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public Guid[]? ProductIds { get; set; }
    public Guid[]? UserIds { get; set; }
    public bool FirstOrderOnly { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
