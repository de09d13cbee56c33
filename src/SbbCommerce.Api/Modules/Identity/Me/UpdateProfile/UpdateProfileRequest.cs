namespace SbbCommerce.Api.Modules.Identity.Me.UpdateProfile;

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
