using System.Security.Claims;

namespace SbbCommerce.Api.Common.Auth;

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? UserId => ParseGuid(SbbClaims.Subject);

    public string? Email => Principal?.FindFirstValue(SbbClaims.Email);

    public string? Role => Principal?.FindFirstValue(SbbClaims.Role);

    public Guid? SessionId => ParseGuid(SbbClaims.SessionId);

    private Guid? ParseGuid(string claim) =>
        IsAuthenticated && Guid.TryParse(Principal?.FindFirstValue(claim), out var id) ? id : null;
}
