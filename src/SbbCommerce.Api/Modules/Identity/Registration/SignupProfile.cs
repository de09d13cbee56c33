using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.Registration;

/// <summary>What every sign-up carries besides the credentials: consents and first-touch attribution.</summary>
internal interface ISignupConsents
{
    bool MarketingConsent { get; }
    bool SmsConsent { get; }
    string? UtmSource { get; }
    string? UtmMedium { get; }
    string? UtmCampaign { get; }
    string? UtmTerm { get; }
    string? UtmContent { get; }
    string? ReferrerUrl { get; }
    string? LandingPage { get; }
}

/// <summary>The profile of a new account (registration or a provider sign-in): consents stamped now, attribution kept.</summary>
internal static class SignupProfile
{
    public static UserProfile New(Guid userId, string? firstName, string? lastName, DateOnly? dateOfBirth, ISignupConsents signup, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signup);
        return new UserProfile
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            FirstName = firstName,
            LastName = lastName,
            DateOfBirth = dateOfBirth,
            MarketingConsent = signup.MarketingConsent,
            MarketingConsentAt = signup.MarketingConsent ? now : null,
            SmsConsent = signup.SmsConsent,
            SmsConsentAt = signup.SmsConsent ? now : null,
            UtmSource = signup.UtmSource,
            UtmMedium = signup.UtmMedium,
            UtmCampaign = signup.UtmCampaign,
            UtmTerm = signup.UtmTerm,
            UtmContent = signup.UtmContent,
            ReferrerUrl = signup.ReferrerUrl,
            LandingPage = signup.LandingPage,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
