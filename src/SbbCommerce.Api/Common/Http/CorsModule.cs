namespace SbbCommerce.Api.Common.Http;

/// <summary>CORS for the storefront origins of <c>Cors:Origins</c> (an array or a comma-separated list).</summary>
internal static class CorsModule
{
    public const string StorefrontPolicy = "storefront";

    public static IServiceCollection AddSbbCors(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Cors:Origins");
        var origins = section.Get<string[]>() ?? (section.Value ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        services.AddCors(options => options.AddPolicy(StorefrontPolicy, policy => policy
            .WithOrigins(origins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders(RequestIdMiddleware.HeaderName, "Retry-After", "Location", "Idempotency-Replayed")));
        return services;
    }
}
