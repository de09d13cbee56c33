using FluentValidation;
using SbbCommerce.Api.Common.OpenApi;

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

internal sealed class AddressRequestValidator : AbstractValidator<AddressRequest>
{
    public AddressRequestValidator()
    {
        RuleFor(r => r.AddressType).Must(t => t is AddressTypes.Shipping or AddressTypes.Billing).WithMessage("addressType is shipping or billing.");
        RuleFor(r => r.Label).MaximumLength(50);
        RuleFor(r => r.RecipientName).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Company).MaximumLength(200);
        RuleFor(r => r.StreetLine1).NotEmpty().MaximumLength(255);
        RuleFor(r => r.StreetLine2).MaximumLength(255);
        RuleFor(r => r.City).NotEmpty().MaximumLength(100);
        RuleFor(r => r.StateProvince).NotEmpty().MaximumLength(100);
        RuleFor(r => r.PostalCode).NotEmpty().MaximumLength(20);
        RuleFor(r => r.CountryCode).Matches("^[A-Z]{2}$").When(r => r.CountryCode is not null)
            .WithMessage("countryCode is an ISO 3166-1 alpha-2 code (e.g. US).");
        RuleFor(r => r.Phone).Matches(@"^\+?[0-9 ()\-]{7,20}$").When(r => !string.IsNullOrEmpty(r.Phone));
        When(r => (r.CountryCode ?? "US") == "US", () =>
        {
            RuleFor(r => r.StateProvince).Matches("^[A-Z]{2}$").WithMessage("US states are two-letter codes (e.g. TX).");
            RuleFor(r => r.PostalCode).Matches(@"^\d{5}(-\d{4})?$").WithMessage("US ZIP codes are 12345 or 12345-6789.");
        });
    }
}
