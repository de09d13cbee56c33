namespace SbbCommerce.Api.Modules.Identity.Addresses;

/// <summary>A shipping or billing address.</summary>
/// <param name="AddressType">shipping or billing.</param>
/// <param name="IsDefault">Make it the default of its type (the previous default stops being one).</param>
/// <param name="Label">e.g. Home, Office.</param>
/// <param name="RecipientName">Who receives the parcel.</param>
/// <param name="Company">Company, if any.</param>
/// <param name="StreetLine1">Street and number.</param>
/// <param name="StreetLine2">Apartment, suite.</param>
/// <param name="City">City.</param>
/// <param name="StateProvince">State (US: two-letter code) or province.</param>
/// <param name="PostalCode">ZIP or postal code.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 (default US).</param>
/// <param name="Phone">Phone for the carrier.</param>
internal sealed record AddressRequest(
    [property: SchemaValues(typeof(AddressTypes))] string AddressType,
    bool IsDefault,
    string? Label,
    string RecipientName,
    string? Company,
    string StreetLine1,
    string? StreetLine2,
    string City,
    string StateProvince,
    string PostalCode,
    string? CountryCode,
    string? Phone);

/// <summary>An address of the user.</summary>
internal sealed record AddressResponse(
    Guid Id,
    [property: SchemaValues(typeof(AddressTypes))] string AddressType,
    bool IsDefault,
    string? Label,
    string RecipientName,
    string? Company,
    string StreetLine1,
    string? StreetLine2,
    string City,
    string StateProvince,
    string PostalCode,
    string CountryCode,
    string? Phone,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
