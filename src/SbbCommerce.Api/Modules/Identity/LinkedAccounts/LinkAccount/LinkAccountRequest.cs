namespace SbbCommerce.Api.Modules.Identity.LinkedAccounts.LinkAccount;

/// <summary>An ID token of the provider account to link.</summary>
/// <param name="IdToken">The provider's ID token.</param>
/// <param name="Nonce">The nonce given to the provider, if any.</param>
internal sealed record LinkAccountRequest(string IdToken, string? Nonce);
