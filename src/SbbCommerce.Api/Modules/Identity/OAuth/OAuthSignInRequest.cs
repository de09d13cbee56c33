using SbbCommerce.Api.Modules.Identity.Registration;

namespace SbbCommerce.Api.Modules.Identity.OAuth;

/// <summary>An ID token the storefront obtained with the provider's own SDK, and what a new account needs.</summary>
/// <param name="IdToken">The provider's ID token (JWT).</param>
/// <param name="Nonce">The nonce the storefront gave the provider; when present the token must carry it.</param>
/// <param name="FirstName">First name (Apple sends it only the first time, outside the token).</param>
/// <param name="LastName">Last name.</param>
/// <param name="MarketingConsent">Email marketing consent of a new account.</param>
/// <param name="SmsConsent">SMS consent of a new account.</param>
/// <param name="UtmSource">utm_source of a new account.</param>
/// <param name="UtmMedium">utm_medium.</param>
/// <param name="UtmCampaign">utm_campaign.</param>
/// <param name="UtmTerm">utm_term.</param>
/// <param name="UtmContent">utm_content.</param>
/// <param name="ReferrerUrl">Referrer of the first visit.</param>
/// <param name="LandingPage">First page visited.</param>
internal sealed record OAuthSignInRequest(
    string IdToken,
    string? Nonce,
    string? FirstName,
    string? LastName,
    bool MarketingConsent,
    bool SmsConsent,
    string? UtmSource,
    string? UtmMedium,
    string? UtmCampaign,
    string? UtmTerm,
    string? UtmContent,
    string? ReferrerUrl,
    string? LandingPage) : ISignupConsents;
