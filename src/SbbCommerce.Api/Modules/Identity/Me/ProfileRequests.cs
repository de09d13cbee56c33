using FluentValidation;

namespace SbbCommerce.Api.Modules.Identity.Me;

/// <summary>Profile changes; omitted (null) fields stay as they are. Attribution fields cannot be changed.</summary>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="DisplayName">Display name.</param>
/// <param name="Phone">Phone (unique).</param>
/// <param name="PreferredCurrency">ISO 4217 code, e.g. USD.</param>
/// <param name="Timezone">IANA zone, e.g. America/New_York.</param>
/// <param name="Locale">e.g. en-US.</param>
/// <param name="MarketingConsent">Email marketing consent (timestamped when given).</param>
/// <param name="SmsConsent">SMS consent (timestamped when given).</param>
internal sealed record UpdateProfileRequest(
    string? FirstName,
    string? LastName,
    string? DisplayName,
    string? Phone,
    string? PreferredCurrency,
    string? Timezone,
    string? Locale,
    bool? MarketingConsent,
    bool? SmsConsent);

/// <summary>A date of birth to verify against the minimum age.</summary>
/// <param name="DateOfBirth">YYYY-MM-DD.</param>
internal sealed record AgeVerificationRequest(DateOnly DateOfBirth);

internal sealed class UpdateProfileRequestValidator : AbstractValidator<UpdateProfileRequest>
{
    public UpdateProfileRequestValidator()
    {
        RuleFor(r => r.FirstName).NotEmpty().MaximumLength(100).When(r => r.FirstName is not null);
        RuleFor(r => r.LastName).NotEmpty().MaximumLength(100).When(r => r.LastName is not null);
        RuleFor(r => r.DisplayName).MaximumLength(100);
        RuleFor(r => r.Phone).Matches(@"^\+?[0-9 ()\-]{7,20}$").When(r => !string.IsNullOrEmpty(r.Phone));
        RuleFor(r => r.PreferredCurrency).Matches("^[A-Z]{3}$").When(r => r.PreferredCurrency is not null);
        RuleFor(r => r.Timezone).MaximumLength(50);
        RuleFor(r => r.Locale).Matches("^[a-z]{2}(-[A-Z]{2})?$").When(r => r.Locale is not null);
    }
}

internal sealed class AgeVerificationRequestValidator : AbstractValidator<AgeVerificationRequest>
{
    public AgeVerificationRequestValidator(TimeProvider timeProvider) =>
        RuleFor(r => r.DateOfBirth)
            .Must(date => date < DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime)).WithMessage("The date of birth must be in the past.")
            .Must(date => date.Year >= 1900).WithMessage("The date of birth is not plausible.");
}
