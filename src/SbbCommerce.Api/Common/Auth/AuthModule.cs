using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace SbbCommerce.Api.Common.Auth;

internal static class AuthModule
{
    private const int MinimumKeyBytes = 32;

    public static IServiceCollection AddSbbAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var jwt = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        var key = Encoding.UTF8.GetBytes(jwt.SigningKey);
        if (key.Length < MinimumKeyBytes)
        {
            // Refusing to start beats signing tokens with a guessable key.
            throw new InvalidOperationException(
                $"Jwt:SigningKey must be set to at least {MinimumKeyBytes} bytes (Development has one in appsettings.Development.json).");
        }

        services.Configure<JwtOptions>(configuration.GetSection(JwtOptions.Section));
        services.AddSingleton(new JwtSigningKey(new SymmetricSecurityKey(key)));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = jwt.Issuer,
                    ValidateAudience = true,
                    ValidAudience = jwt.Audience,
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKey = new SymmetricSecurityKey(key),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ValidateLifetime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = SbbClaims.Subject,
                    RoleClaimType = SbbClaims.Role,
                };
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = DashboardTokenHandoff.OnMessageReceived,
                    OnTokenValidated = RefuseRevokedAsync,
                };
            });

        // Token lifetimes are checked against the host's TimeProvider, like every other clock read.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((options, time) => options.TokenValidationParameters.LifetimeValidator =
                (notBefore, expires, _, parameters) => IsWithinLifetime(notBefore, expires, time.GetUtcNow().UtcDateTime, parameters.ClockSkew));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.User, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Policies.Admin, policy => policy.RequireRole("admin", "super_admin"))
            .AddPolicy(Policies.SuperAdmin, policy => policy.RequireRole("super_admin"));

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        return services;
    }

    /// <summary>A signature proves who issued the token, not that it still stands: ask the gate every request.</summary>
    private static async Task RefuseRevokedAsync(TokenValidatedContext context)
    {
        var gate = context.HttpContext.RequestServices.GetService<IAccessTokenGate>();
        if (gate is not null && context.Principal is { } principal
            && !await gate.IsHonouredAsync(principal, context.HttpContext.RequestAborted))
        {
            context.Fail("The session or the account behind this access token is no longer active.");
        }
    }

    internal static bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, DateTime now, TimeSpan skew) =>
        expires is { } expiry && expiry > now - skew && (notBefore is null || notBefore <= now + skew);
}

/// <summary>The key that signs and checks access tokens.</summary>
internal sealed record JwtSigningKey(SymmetricSecurityKey Key);
