using Microsoft.Extensions.Http.Resilience;
using Polly;
using SbbCommerce.Api.Common.Health;
using SbbCommerce.Api.Common.Jobs;
using SbbCommerce.Api.Modules.Integration.Email;
using SbbCommerce.Api.Modules.Integration.Email.Templates;
using SbbCommerce.Api.Modules.Integration.Erp;
using SbbCommerce.Api.Modules.Integration.Inbox;
using SbbCommerce.Api.Modules.Integration.Outbox;

namespace SbbCommerce.Api.Modules.Integration;

internal static class IntegrationModule
{
    /// <summary>Registers the outbox drain, its senders (email, Epicor Propello), the readiness facts and the drain job.</summary>
    public static IServiceCollection AddIntegrationModule(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.Configure<PropelloOptions>(configuration.GetSection(PropelloOptions.Section));
        RequireSmtpOutsideDevelopment(configuration, environment);

        services.AddScoped<OutboxDrain>();
        services.AddSingleton<RetrySchedule>();
        services.AddScoped<OutboxDrainJob>();
        services.AddScoped<OutboxStatusReader>();
        services.AddSingleton<Common.Telemetry.IGaugeSource, OutboxGauges>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddSingleton<IRecurringJobSchedule, IntegrationJobSchedule>();

        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupDirectoryTransport>();
        services.AddScoped<IOutboxSender, EmailSender>();
        AddEmailTemplates(services);

        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.AddSingleton<IWebhookVerifier, StandardWebhooksVerifier>();
        services.AddSingleton<IWebhookVerifier, MailgunVerifier>();
        services.AddSingleton<IWebhookVerifier, ShippoVerifier>();
        services.AddSingleton<WebhookInbox>();
        services.AddScoped<WebhookInboxProcessor>();
        services.AddScoped<WebhookInboxJob>();
        services.AddSingleton<WebhookInboxSignal>();
        services.AddHostedService<WebhookInboxDispatcher>();

        services.AddScoped<ErpInventoryPullJob>();
        services.AddSingleton<PropelloTokenCache>();
        services.AddSingleton<PropelloClient>();
        services.AddScoped<IOutboxSender, PropelloSender>();
        services.Configure<Sms.SmsOptions>(configuration.GetSection(Sms.SmsOptions.Section));
        services.AddScoped<IOutboxSender, Sms.SmsSender>();
        services.AddHttpClient(Sms.SmsSender.HttpClientName)
            .AddResilienceHandler("twilio", (pipeline, context) =>
            {
                // A timeout only: the outbox drain owns retries. Wall-clock time, not the business clock.
                var seconds = context.ServiceProvider.GetRequiredService<IOptions<Sms.SmsOptions>>().Value.TimeoutSeconds;
                pipeline.TimeProvider = TimeProvider.System;
                pipeline.AddTimeout(TimeSpan.FromSeconds(Math.Max(1, seconds)));
            });
        services.AddHttpClient(PropelloClient.HttpClientName)
            .AddResilienceHandler("propello", (pipeline, context) =>
            {
                // A timeout only: no retries here, the outbox drain owns them (through scheduled_for, with backoff). A network
                // timeout is wall-clock time, not the shop's business clock (which tests replace).
                var seconds = context.ServiceProvider.GetRequiredService<IOptions<PropelloOptions>>().Value.TimeoutSeconds;
                pipeline.TimeProvider = TimeProvider.System;
                pipeline.AddTimeout(TimeSpan.FromSeconds(Math.Max(1, seconds)));
            });

        services.AddHealthChecks()
            .AddCheck<OutboxHealthCheck>("outbox", tags: [HealthModule.ReadyTag], timeout: TimeSpan.FromSeconds(3))
            .Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration("erp",
                sp => new DestinationConfiguredHealthCheck(sp.GetServices<IOutboxSender>(), OutboxDestinations.EpicorPropello,
                    "not configured (Erp:Propello:BaseUrl): ERP messages wait as pending"), null, [HealthModule.ReadyTag]))
            .Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration("email",
                sp => new DestinationConfiguredHealthCheck(sp.GetServices<IOutboxSender>(), OutboxDestinations.InternalEmail,
                    "not configured (Email:Smtp:Host, or Email:Enabled=false): emails wait as pending"), null, [HealthModule.ReadyTag]));
        return services;
    }

    private static void AddEmailTemplates(IServiceCollection services)
    {
        services.AddSingleton<IEmailTemplate, EmailVerificationTemplate>();
        services.AddSingleton<IEmailTemplate, PasswordResetTemplate>();
        services.AddSingleton<IEmailTemplate, PaymentInstructionsTemplate>();
        services.AddSingleton<IEmailTemplate, ProofReceivedTemplate>();
        services.AddSingleton<IEmailTemplate, PaymentVerifiedTemplate>();
        services.AddSingleton<IEmailTemplate, PaymentRejectedTemplate>();
        services.AddSingleton<IEmailTemplate, RefundCompletedTemplate>();
        services.AddSingleton<IEmailTemplate, CartRecoveryTemplate>();
        services.AddSingleton<IEmailTemplate, FulfillmentShippedTemplate>();
        services.AddSingleton<IEmailTemplate, FulfillmentDeliveredTemplate>();
        services.AddSingleton<IEmailTemplate, BatchRecallTemplate>();
    }

    /// <summary>Outside Development a shop that cannot email cannot verify its customers: refuse to start unless mail is off on purpose.</summary>
    private static void RequireSmtpOutsideDevelopment(IConfiguration configuration, IHostEnvironment environment)
    {
        var email = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        if (!environment.IsDevelopment() && email.Enabled && string.IsNullOrWhiteSpace(email.Smtp.Host))
        {
            throw new InvalidOperationException(
                "Email:Smtp:Host is not configured. Set the Email:Smtp:* settings, or Email:Enabled=false to keep emails waiting in the outbox.");
        }
    }
}
