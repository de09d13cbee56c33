using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SbbCommerce.Api.Common.Health;

internal static class HealthModule
{
    /// <summary>Checks with this tag are part of <c>/health/ready</c>; modules add their own (never failing ones for facts).</summary>
    public const string ReadyTag = "ready";

    public static IServiceCollection AddSbbHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(3));
        return services;
    }

    /// <summary>live: the process answers (no checks). ready: the database answers and is migrated, plus each check's facts as JSON.</summary>
    public static IEndpointRouteBuilder MapSbbHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .WithTags("Operations").DisableRateLimiting();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
            {
                Predicate = check => check.Tags.Contains(ReadyTag),
                ResponseWriter = WriteJsonAsync,
                // Degraded (a fact could not be read) still takes traffic; only Unhealthy (the database) refuses it.
                ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status200OK },
            })
            .WithTags("Operations").DisableRateLimiting();
        return endpoints;
    }

    /// <summary><c>{ status, checks: { database: { status, description, data }, outbox: ..., erp: ..., email: ... } }</c>; no exception text.</summary>
    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            Status = report.Status.ToString(),
            Checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { Status = e.Value.Status.ToString(), e.Value.Description, Data = e.Value.Data.Count == 0 ? null : e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonDefaults.Options));
    }
}
