using SbbCommerce.Api.Modules.Fulfillment.Erp;
using SbbCommerce.Api.Modules.Integration.Contracts;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Net.Http.Headers;
using Polly;
using SbbCommerce.Api.Modules.Fulfillment.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Create;
using SbbCommerce.Api.Modules.Fulfillment.Recall;
using SbbCommerce.Api.Modules.Fulfillment.Ship;
using SbbCommerce.Api.Modules.Fulfillment.Shipping;
using SbbCommerce.Api.Modules.Fulfillment.Views;

namespace SbbCommerce.Api.Modules.Fulfillment;

internal static class FulfillmentModule
{
    /// <summary>Registers the Fulfillment module's services.</summary>
    public static IServiceCollection AddFulfillmentModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddScoped<FulfillmentErpWriteBack>();
        services.AddScoped<IErpSyncWriteBack>(provider => provider.GetRequiredService<FulfillmentErpWriteBack>());
        services.Configure<ShippingOptions>(configuration.GetSection(ShippingOptions.Section));
        services.AddSingleton<IShippingRates, ShippingRates>();
        services.AddScoped<IShippedUnits, Stock.ShippedUnits>();
        services.AddHttpClient<ShippoClient>((provider, http) =>
            {
                var shippo = provider.GetRequiredService<IOptionsMonitor<ShippingOptions>>().CurrentValue.Shippo;
                if (shippo.IsConfigured)
                {
                    http.BaseAddress = new Uri(shippo.BaseUrl!.TrimEnd('/') + "/");
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(ShippoClient.AuthorizationScheme, shippo.Token);
                }
            })
            .RedactLoggedHeaders([HeaderNames.Authorization]) // the token never reaches a log
            .AddResilienceHandler("shippo", pipeline =>
            {
                // The standard handler's strategies, tuned: a label is bought while an admin waits, so two quick retries of a
                // 5xx, 408, 429 or timeout, then an answer. Delays and timeouts are wall-clock network time, never the
                // application's (possibly fake) business clock.
                pipeline.TimeProvider = TimeProvider.System;
                pipeline.AddTimeout(TimeSpan.FromSeconds(30))
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = 2, Delay = TimeSpan.FromMilliseconds(200), BackoffType = DelayBackoffType.Exponential, UseJitter = true,
                    })
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions { SamplingDuration = TimeSpan.FromSeconds(30) })
                    .AddTimeout(TimeSpan.FromSeconds(10));
            });
        services.AddScoped<IOrderShipments, OrderShipments>();
        services.AddScoped<IOpenShipments, Cancel.OpenShipments>();
        services.AddScoped<FulfillmentReader>();
        services.AddScoped<CreateFulfillmentHandler>();
        services.AddScoped<ShipFulfillmentHandler>();
        services.AddScoped<Deliver.FulfillmentDelivery>();
        services.AddScoped<IInboundWebhookHandler, Deliver.ShippoTrackingHandler>();
        services.AddScoped<BatchRecipients>();
        return services;
    }
}
