using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.Users;

/// <summary>A user as the user and admins see it.</summary>
/// <param name="Id">User id.</param>
/// <param name="Email">Normalised (trimmed, lower-case) email.</param>
/// <param name="EmailVerified">Whether the email was verified.</param>
/// <param name="Phone">Phone, if given.</param>
/// <param name="Role">customer, wholesale, admin or super_admin.</param>
/// <param name="Status">pending_verification, active, suspended, banned or deleted.</param>
/// <param name="AgeVerified">Whether the age was verified against Compliance:MinimumAge.</param>
/// <param name="AgeVerifiedAt">When the age was verified.</param>
/// <param name="KycStatus">not_required, pending, approved or rejected.</param>
/// <param name="KycVerifiedAt">When KYC was decided.</param>
/// <param name="CreatedAt">Registration time.</param>
/// <param name="Profile">Profile fields.</param>
internal sealed record UserResponse(
    Guid Id,
    string Email,
    bool EmailVerified,
    string? Phone,
    UserRole Role,
    UserStatus Status,
    bool AgeVerified,
    DateTimeOffset? AgeVerifiedAt,
    [property: SchemaValues(typeof(KycStatuses))] string? KycStatus,
    DateTimeOffset? KycVerifiedAt,
    DateTimeOffset CreatedAt,
    ProfileResponse? Profile)
{
    /// <summary>The providers linked to the account (google, apple); only GET /me fills it.</summary>
    public IReadOnlyList<string>? LinkedProviders { get; init; }

    /// <summary>Whether the account has a password (accounts created with a provider start without); only GET /me fills it.</summary>
    public bool? HasPassword { get; init; }

    public static UserResponse From(User user, UserProfile? profile) => new(
        user.Id, user.Email, user.EmailVerified, user.Phone, user.Role, user.Status, user.AgeVerified, user.AgeVerifiedAt,
        user.KycStatus, user.KycVerifiedAt, user.CreatedAt, profile is null ? null : ProfileResponse.From(profile));
}

/// <summary>Profile fields; attribution (utm*, referrer, landing page) is captured at registration and read-only.</summary>
internal sealed record ProfileResponse(
    string? FirstName,
    string? LastName,
    string? DisplayName,
    DateOnly? DateOfBirth,
    string? PreferredCurrency,
    string? Timezone,
    string? Locale,
    bool MarketingConsent,
    DateTimeOffset? MarketingConsentAt,
    bool SmsConsent,
    DateTimeOffset? SmsConsentAt,
    string? UtmSource,
    string? UtmMedium,
    string? UtmCampaign,
    string? UtmTerm,
    string? UtmContent,
    string? ReferrerUrl,
    string? LandingPage)
{
    public static ProfileResponse From(UserProfile p) => new(
        p.FirstName, p.LastName, p.DisplayName, p.DateOfBirth, p.PreferredCurrency, p.Timezone, p.Locale,
        p.MarketingConsent, p.MarketingConsentAt, p.SmsConsent, p.SmsConsentAt,
        p.UtmSource, p.UtmMedium, p.UtmCampaign, p.UtmTerm, p.UtmContent, p.ReferrerUrl, p.LandingPage);
}
