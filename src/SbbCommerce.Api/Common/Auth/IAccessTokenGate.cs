using System.Security.Claims;

namespace SbbCommerce.Api.Common.Auth;

/// <summary>
/// Decides, on every authenticated request, whether a validly signed access token is still honoured (its session
/// not revoked, its user still active with the role it claims). Identity implements it; the JWT handler asks it.
/// </summary>
internal interface IAccessTokenGate
{
    ValueTask<bool> IsHonouredAsync(ClaimsPrincipal principal, CancellationToken cancellationToken);
}
