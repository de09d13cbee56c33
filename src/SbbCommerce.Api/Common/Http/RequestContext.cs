using System.Net;

namespace SbbCommerce.Api.Common.Http;

/// <summary>Where a request came from: recorded by audits, payment attempts, sessions and events.</summary>
internal sealed record RequestContext(IPAddress? IpAddress, string? UserAgent, string? RequestId)
{
    public static readonly RequestContext None = new(null, null, null);

    public static RequestContext From(HttpContext? httpContext) => httpContext is null
        ? None
        : new RequestContext(
            httpContext.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : httpContext.Connection.RemoteIpAddress,
            httpContext.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
            httpContext.TraceIdentifier);
}
