using Microsoft.AspNetCore.Http.Json;
using SbbCommerce.Api.Common.Health;
using SbbCommerce.Api.Common.Idempotency;
using SbbCommerce.Api.Common.Jobs;
using SbbCommerce.Api.Common.Notifications;
using SbbCommerce.Api.Common.Security;
using SbbCommerce.Api.Common.Telemetry;


namespace SbbCommerce.Api.Common;

/// <summary>What every module uses: persistence, problems, auth, jobs, idempotency, audit, outbox.</summary>
internal static class CommonModule
{
    /// <summary>Default request body limit; upload routes raise their own.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static IServiceCollection AddCommon(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.Configure<JsonOptions>(options => JsonDefaults.Configure(options.SerializerOptions));
        // Malformed bodies reach the exception handler as BadHttpRequestException (400), never a 500.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        services.AddPersistence(configuration);
        services.AddProblems();
        services.AddSbbAuth(configuration);
        services.AddDatabaseNotifications();
        services.AddSbbRateLimiting(configuration);
        services.AddSbbCors(configuration);
        services.AddSbbHealth();
        services.AddSbbSwagger();
        services.AddSbbHangfire(configuration);
        services.AddSbbTelemetry(configuration);

        services.Configure<IdempotencyOptions>(configuration.GetSection(IdempotencyOptions.Section));
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<ForegroundWork>();
        services.AddSingleton<IPasswordHasher>(new Argon2idPasswordHasher(
            configuration.GetValue("Security:Argon2:Iterations", Argon2idPasswordHasher.DefaultIterations),
            configuration.GetValue("Security:Argon2:MemoryKiB", Argon2idPasswordHasher.DefaultMemoryKiB)));
        services.AddScoped<IAuditWriter, AuditWriter>();
        services.AddScoped<IOutboxWriter, OutboxWriter>();
        services.AddSingleton<OutboxClock>();
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.AddValidatorsFromAssemblyContaining<SbbDbContext>(ServiceLifetime.Singleton, includeInternalTypes: true);
        AuthorizeBeforeContentType(services);
        return services;
    }

    /// <summary>
    /// Routing would answer a body of the wrong content type with 415 before authorization ever runs (its
    /// content-type matcher policy), telling an anonymous caller about a route it may not use. Without that policy
    /// the endpoint itself answers 415, after authentication and authorization.
    /// </summary>
    private static void AuthorizeBeforeContentType(IServiceCollection services)
    {
        var contentTypeMatchers = services
            .Where(d => d.ServiceType == typeof(Microsoft.AspNetCore.Routing.MatcherPolicy) && d.ImplementationType?.Name == "AcceptsMatcherPolicy")
            .ToList();
        foreach (var descriptor in contentTypeMatchers)
        {
            services.Remove(descriptor);
        }
    }
}
