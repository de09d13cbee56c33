namespace SbbCommerce.Api.Modules.Identity.LinkedAccounts;

/// <summary>A provider account linked to the user.</summary>
/// <param name="Provider">google or apple.</param>
/// <param name="Email">The provider's email when it was linked.</param>
/// <param name="LinkedAt">When it was linked.</param>
internal sealed record LinkedAccountResponse(string Provider, string? Email, DateTimeOffset LinkedAt);
