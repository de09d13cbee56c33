using SbbCommerce.Api.Common.Money;

namespace SbbCommerce.Api.Modules.Identity.Data;

/// <summary>A row of <c>user_profiles</c>.</summary>
internal sealed class UserProfile
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? DisplayName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public string? PreferredCurrency { get; set; } = Currency.Usd;
    public string? Timezone { get; set; } = "America/New_York";
    public string? Locale { get; set; } = "en-US";
    public bool MarketingConsent { get; set; }
    public DateTimeOffset? MarketingConsentAt { get; set; }
    public bool SmsConsent { get; set; }
    public DateTimeOffset? SmsConsentAt { get; set; }
    public string? UtmSource { get; set; }
    public string? UtmMedium { get; set; }
    public string? UtmCampaign { get; set; }
    public string? UtmTerm { get; set; }
    public string? UtmContent { get; set; }
    public string? ReferrerUrl { get; set; }
    public string? LandingPage { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
