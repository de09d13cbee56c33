using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SbbCommerce.Api.Common.Http;

/// <summary>
/// Per-IP fixed windows for the auth routes and event ingest (API.md); 429 problem with <c>Retry-After</c>.
/// <c>RateLimiting:Enabled=false</c> turns every limit off (load tests, benchmarks).
/// </summary>
internal static class RateLimitingModule
{
    public const string AuthPolicy = "auth";
    public const string IngestPolicy = "ingest";

    public static IServiceCollection AddSbbRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("RateLimiting");
        var enabled = section.GetValue("Enabled", true);
        var authPermits = section.GetValue("AuthPermitPerMinute", 20);
        var ingestPermits = section.GetValue("IngestPermitPerMinute", 600);

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ApiProblems.Problem(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
                    "Too many requests; retry later.").ExecuteAsync(context.HttpContext);
            };
            options.AddPolicy(AuthPolicy, context => PerIp(context, enabled, authPermits));
            options.AddPolicy(IngestPolicy, context => PerIp(context, enabled, ingestPermits));
        });
        return services;
    }

    private static RateLimitPartition<string> PerIp(HttpContext context, bool enabled, int permitsPerMinute)
    {
        if (!enabled)
        {
            return RateLimitPartition.GetNoLimiter("off");
        }

        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
