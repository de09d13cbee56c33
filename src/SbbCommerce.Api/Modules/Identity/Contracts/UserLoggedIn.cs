namespace SbbCommerce.Api.Modules.Identity.Contracts;

/// <summary>
/// Published in-process after a successful login commits. Cart merges the visitor's anonymous cart, Events
/// stitches the visitor's events; Identity knows neither.
/// </summary>
/// <param name="UserId">The user who logged in.</param>
/// <param name="AnonymousId">The <c>X-Anonymous-Id</c> the browser sent with the login, if any.</param>
public sealed record UserLoggedIn(Guid UserId, string? AnonymousId);
