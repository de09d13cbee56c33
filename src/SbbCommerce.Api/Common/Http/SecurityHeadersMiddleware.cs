using Microsoft.Net.Http.Headers;

namespace SbbCommerce.Api.Common.Http;

/// <summary>
/// Headers every answer carries: no MIME sniffing, no referrer, no framing; and <c>Cache-Control: no-store</c> on
/// every authenticated or personal answer (a bearer token or an anonymous visitor id was sent, or the route is one
/// of tokens, /me, cart, checkout, orders, payments, admin, dashboards) unless the route chose its own caching.
/// Such answers must never sit in a shared or browser cache. Public catalog reads choose their own (public, with an
/// ETag) even when a visitor id comes along, since their answer does not depend on the visitor; with a bearer token
/// they choose no-store themselves.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private static readonly string[] PersonalPrefixes =
    [
        "/api/v1/auth", "/api/v1/me", "/api/v1/cart", "/api/v1/checkout", "/api/v1/orders", "/api/v1/payments", "/api/v1/admin",
        "/hangfire", "/swagger",
    ];

    public Task InvokeAsync(HttpContext context)
    {
        var personal = IsPersonal(context.Request);
        context.Response.OnStarting(state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            if (personal && headers.CacheControl.Count == 0)
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    private static bool IsPersonal(HttpRequest request) =>
        request.Headers.Authorization.Count > 0
        || request.Headers.ContainsKey(AnonymousVisitor.HeaderName)
        || PersonalPrefixes.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
