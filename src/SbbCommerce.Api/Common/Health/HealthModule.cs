using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace SbbCommerce.Api.Common.Health;

internal static class HealthModule
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddSbbHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(3));
        return services;
    }

    /// <summary>live: the process answers (no checks). ready: the database answers and is migrated.</summary>
    public static IEndpointRouteBuilder MapSbbHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .WithTags("Operations").DisableRateLimiting();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .WithTags("Operations").DisableRateLimiting();
        return endpoints;
    }
}
