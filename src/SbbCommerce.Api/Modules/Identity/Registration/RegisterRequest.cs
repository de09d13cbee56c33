namespace SbbCommerce.Api.Modules.Identity.Registration;

/// <summary>A new customer account. Attribution fields are captured once, here, and never changed afterwards.</summary>
/// <param name="Email">Login email (trimmed and lower-cased; unique).</param>
/// <param name="Password">At least 10 characters, not all of one class.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="DateOfBirth">Optional; age verification is a separate step.</param>
/// <param name="Phone">Optional phone (E.164 style, unique).</param>
/// <param name="MarketingConsent">Email marketing consent (timestamped).</param>
/// <param name="SmsConsent">SMS consent (timestamped).</param>
/// <param name="UtmSource">utm_source of the landing URL.</param>
/// <param name="UtmMedium">utm_medium.</param>
/// <param name="UtmCampaign">utm_campaign.</param>
/// <param name="UtmTerm">utm_term.</param>
/// <param name="UtmContent">utm_content.</param>
/// <param name="ReferrerUrl">Referrer of the first visit.</param>
/// <param name="LandingPage">First page visited.</param>
internal sealed record RegisterRequest(
    string Email,
    string Password,
    string FirstName,
    string LastName,
    DateOnly? DateOfBirth,
    string? Phone,
    bool MarketingConsent,
    bool SmsConsent,
    string? UtmSource,
    string? UtmMedium,
    string? UtmCampaign,
    string? UtmTerm,
    string? UtmContent,
    string? ReferrerUrl,
    string? LandingPage) : ISignupConsents;
