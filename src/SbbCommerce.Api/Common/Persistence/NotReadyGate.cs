namespace SbbCommerce.Api.Common.Persistence;

/// <summary>
/// While this host is not initialised (migrating, waiting for another host's migration, or its database not yet
/// reached) every request but the health probes gets 503 <c>unavailable</c> with Retry-After: a half-migrated
/// schema must never answer. Once initialised this is one boolean read per request.
/// </summary>
internal sealed class NotReadyGate(RequestDelegate next, DatabaseReadiness readiness)
{
    private const string RetryAfterSeconds = "5";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!readiness.IsInitialized && !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            await ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, ErrorCodes.Unavailable,
                "The service is starting.", "The database is being prepared; retry in a moment.").ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
