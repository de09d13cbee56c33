namespace SbbCommerce.Api.Modules.Cart.Data;

/// <summary>A row of <c>carts</c>.</summary>
internal sealed class ShoppingCart : RowVersioned
{
    public Guid Id { get; set; }
    public Guid? UserId { get; set; }
    public string? AnonymousId { get; set; }
    public string Status { get; set; } = "active";
    public int SubtotalCents { get; set; }
    public int DiscountCents { get; set; }
    public int TaxCents { get; set; }
    public int TotalCents { get; set; }
    public string? DiscountCode { get; set; }
    public Guid? DiscountId { get; set; }
    public Guid? ShippingAddressId { get; set; }
    public Guid? ConvertedToOrderId { get; set; }
    public DateTimeOffset? ConvertedAt { get; set; }
    public string? UtmSource { get; set; }
    public string? UtmMedium { get; set; }
    public string? UtmCampaign { get; set; }
    public string? ReferrerUrl { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RecoveryEmailQueuedAt { get; set; }
    public string? DiscountRemovedCode { get; set; }
    public string? DiscountRemovedReason { get; set; }
}
