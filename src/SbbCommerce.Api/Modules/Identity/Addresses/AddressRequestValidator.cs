namespace SbbCommerce.Api.Modules.Identity.Addresses;

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
