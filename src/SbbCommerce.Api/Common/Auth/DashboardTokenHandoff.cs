using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace SbbCommerce.Api.Common.Auth;

/// <summary>
/// A browser cannot send a bearer header to the Hangfire dashboard. For <c>/hangfire</c> only, an admin opens
/// <c>/hangfire?access_token=...</c> once; the token moves into an HttpOnly, SameSite=Strict cookie scoped to
/// /hangfire, so the dashboard's own links keep working. The token is still validated like any bearer token
/// (signature, lifetime, role), and request logs never record query strings.
/// </summary>
internal static class DashboardTokenHandoff
{
    public const string PathPrefix = "/hangfire";
    public const string CookieName = "sbb_dashboard_token";

    public static Task OnMessageReceived(MessageReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        if (!request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase) || request.Headers.Authorization.Count > 0)
        {
            return Task.CompletedTask;
        }

        var fromQuery = request.Query["access_token"].ToString();
        if (fromQuery.Length > 0)
        {
            context.Token = fromQuery;
            context.HttpContext.Response.Cookies.Append(CookieName, fromQuery, new CookieOptions
            {
                HttpOnly = true,
                Secure = request.IsHttps,
                SameSite = SameSiteMode.Strict,
                Path = PathPrefix,
                MaxAge = TimeSpan.FromMinutes(15),
            });
        }
        else if (request.Cookies.TryGetValue(CookieName, out var fromCookie))
        {
            context.Token = fromCookie;
        }

        return Task.CompletedTask;
    }
}
