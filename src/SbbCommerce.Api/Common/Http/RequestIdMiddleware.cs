using Serilog.Context;

namespace SbbCommerce.Api.Common.Http;

/// <summary>
/// Every response carries <c>X-Request-Id</c>: the client's when it is short and safe (at most 128 of
/// <c>[A-Za-z0-9._:-]</c>), else a new one. It becomes
/// the request's TraceIdentifier, so logs, problem answers (traceId) and audit rows all name the same id.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Request-Id";
    private const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = context.Request.Headers[HeaderName].ToString();
        if (!IsAcceptable(requestId))
        {
            requestId = Guid.CreateVersion7().ToString("N");
        }

        context.TraceIdentifier = requestId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = requestId;
            return Task.CompletedTask;
        });

        using (LogContext.PushProperty("RequestId", requestId))
        {
            await next(context);
        }
    }

    /// <summary>
    /// Echo only a short id of letters, digits and <c>._:-</c>: it lands in logs, headers and problem answers, where
    /// anything else (quotes, slashes, markup, CR/LF) could forge or garble them.
    /// </summary>
    internal static bool IsAcceptable(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-');
}
