namespace SbbCommerce.Api.Modules.Identity.Data;

/// <summary>A row of <c>user_addresses</c>.</summary>
internal sealed class UserAddress
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string AddressType { get; set; } = "shipping";
    public bool IsDefault { get; set; }
    public string? Label { get; set; }
    public required string RecipientName { get; set; }
    public string? Company { get; set; }
    public required string StreetLine1 { get; set; }
    public string? StreetLine2 { get; set; }
    public required string City { get; set; }
    public required string StateProvince { get; set; }
    public required string PostalCode { get; set; }
    public string CountryCode { get; set; } = "US";
    public string? Phone { get; set; }
    public bool Validated { get; set; }
    public DateTimeOffset? ValidatedAt { get; set; }
    public string? ValidationSource { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
}
