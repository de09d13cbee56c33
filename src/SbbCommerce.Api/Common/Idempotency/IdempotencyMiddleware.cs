using System.Security.Cryptography;

namespace SbbCommerce.Api.Common.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> exactly as API.md says: the same key and body from the same caller replays the first
/// answer (status and body) for 24 h; the same key with another body is 422 <c>idempotency_key_reused</c>; the
/// same key while the first request runs is 409 <c>request_in_progress</c>. A middleware (not a filter), because
/// the body must be hashed before model binding reads it and the answer captured after the handler writes it.
/// A 5xx answer is not stored: the key is released so that the client's retry runs again.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotency-Replayed";
    private const int MaxKeyLength = 255;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpointMetadata>() is null
            || !context.Request.Headers.TryGetValue(HeaderName, out var values))
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength)
        {
            await WriteAsync(context, ApiProblems.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                [HeaderName] = [$"{HeaderName} must be 1 to {MaxKeyLength} characters."],
            }));
            return;
        }

        var cancellationToken = context.RequestAborted;
        var requestHash = await HashRequestAsync(context.Request, cancellationToken);
        var claim = await store.ClaimAsync(CallerOf(context), key, context.Request.Method, context.Request.Path, requestHash, cancellationToken);
        switch (claim)
        {
            case IdempotencyClaim.Acquired acquired:
                await RunAndStoreAsync(context, acquired.RecordId);
                break;
            case IdempotencyClaim.Completed completed:
                await ReplayAsync(context, completed);
                break;
            case IdempotencyClaim.Mismatch:
                await WriteAsync(context, ApiProblems.Unprocessable(ErrorCodes.IdempotencyKeyReused,
                    "This Idempotency-Key was already used with a different request."));
                break;
            default:
                await WriteAsync(context, ApiProblems.Conflict(ErrorCodes.RequestInProgress,
                    "A request with this Idempotency-Key is still being processed."));
                break;
        }
    }

    private async Task RunAndStoreAsync(HttpContext context, Guid recordId)
    {
        var originalBody = context.Response.Body;
        await using var captured = new MemoryStream();
        context.Response.Body = captured;
        var succeeded = false;
        try
        {
            await next(context);
            succeeded = context.Response.StatusCode < StatusCodes.Status500InternalServerError;
        }
        finally
        {
            context.Response.Body = originalBody;
            // The outcome is stored even if the client went away: its retry must see this answer.
            if (succeeded)
            {
                await store.CompleteAsync(recordId, context.Response.StatusCode, context.Response.ContentType,
                    context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                    captured.ToArray(), CancellationToken.None);
            }
            else
            {
                await store.ReleaseAsync(recordId, CancellationToken.None);
            }
        }

        captured.Position = 0;
        await captured.CopyToAsync(originalBody, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyClaim.Completed completed)
    {
        context.Response.StatusCode = completed.Status;
        context.Response.ContentType = completed.ContentType;
        if (completed.Location is not null)
        {
            context.Response.Headers.Location = completed.Location;
        }

        context.Response.Headers[ReplayedHeaderName] = "true";
        await context.Response.Body.WriteAsync(completed.Body, context.RequestAborted);
    }

    private static async Task WriteAsync(HttpContext context, IResult result) => await result.ExecuteAsync(context);

    /// <summary>Keys are per caller: the user, else the anonymous visitor, else the client address.</summary>
    private static string CallerOf(HttpContext context)
    {
        var user = context.User.FindFirst(SbbClaims.Subject)?.Value;
        if (!string.IsNullOrEmpty(user))
        {
            return "user:" + user;
        }

        var anonymous = context.Request.Headers["X-Anonymous-Id"].ToString();
        return anonymous.Length is > 0 and <= 100 ? "anon:" + anonymous : "ip:" + context.Connection.RemoteIpAddress;
    }

    /// <summary>SHA-256 of method, path and body. The body is buffered so that model binding reads it afterwards.</summary>
    private static async Task<string> HashRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
