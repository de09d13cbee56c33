using SbbCommerce.Api.Modules.Identity.Erp;
using SbbCommerce.Api.Modules.Integration.Contracts;
using SbbCommerce.Api.Common.Compliance;
using SbbCommerce.Api.Common.Notifications;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Login;
using SbbCommerce.Api.Modules.Identity.Refresh;
using SbbCommerce.Api.Modules.Identity.Registration;
using SbbCommerce.Api.Modules.Identity.Tokens;

namespace SbbCommerce.Api.Modules.Identity;

internal static class IdentityModule
{
    /// <summary>Registers the Identity module's services.</summary>
    public static IServiceCollection AddIdentityModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ComplianceOptions>(configuration.GetSection(ComplianceOptions.Section));
        services.AddScoped<NotificationPublisher>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddScoped<UserTokenService>();
        services.AddSingleton<IUserEmailTokens, UserEmailTokens>();
        services.AddScoped<SessionService>();
        services.AddScoped<LoginLockout>();
        services.AddScoped<AccountOpening>();
        services.AddScoped<RegisterHandler>();
        services.AddScoped<SignInCompletion>();
        services.AddScoped<LoginHandler>();
        services.AddScoped<RefreshHandler>();
        foreach (var provider in new[] { AuthProvider.Google, AuthProvider.Apple })
        {
            services.Configure<OAuth.OAuthProviderOptions>(provider.ToString(), configuration.GetSection(OAuth.OAuthProviderOptions.SectionOf(provider)));
        }

        services.AddHttpClient(OAuth.IdTokenVerifier.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<OAuth.IdTokenVerifier>();
        services.AddScoped<OAuth.OAuthSignInHandler>();
        services.AddSingleton<Phone.PhoneVerificationCodes>();
        services.AddSingleton<IPhoneVerificationCodes>(provider => provider.GetRequiredService<Phone.PhoneVerificationCodes>());
        services.AddScoped<ICustomerDirectory, Directory.CustomerDirectory>();
        services.AddScoped<IdentityErpSync>();
        services.AddScoped<IErpSyncWriteBack>(provider => provider.GetRequiredService<IdentityErpSync>());
        services.AddScoped<IErpResync>(provider => provider.GetRequiredService<IdentityErpSync>());
        services.AddScoped<IInboundWebhookHandler, ErpCustomerUpdatedHandler>();
        services.AddSingleton<Sessions.SessionGate>();
        services.AddSingleton<IAccessTokenGate>(provider => provider.GetRequiredService<Sessions.SessionGate>());
        services.AddSingleton<IDatabaseNotificationSubscriber>(provider => provider.GetRequiredService<Sessions.SessionGate>());
        services.AddSingleton<IEmailDeliverability, EmailDeliverability>();
        services.AddScoped<IInboundWebhookHandler, MailgunDeliveryFailureHandler>();
        return services;
    }
}
