using SbbCommerce.Api.Modules.Orders.Erp;
using SbbCommerce.Api.Modules.Integration.Contracts;
using SbbCommerce.Api.Common.Jobs;
using SbbCommerce.Api.Modules.Orders.Checkout;
using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Orders.History;
using SbbCommerce.Api.Modules.Orders.Jobs;
using SbbCommerce.Api.Modules.Orders.Payments;
using SbbCommerce.Api.Modules.Orders.StateMachine;
using SbbCommerce.Api.Modules.Orders.Views;

namespace SbbCommerce.Api.Modules.Orders;

internal static class OrdersModule
{
    /// <summary>Registers the Orders module's services.</summary>
    public static IServiceCollection AddOrdersModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OrdersOptions>(configuration.GetSection(OrdersOptions.Section));
        services.AddScoped<IOrderHistory, OrderHistory>();
        services.AddScoped<IOrderPayments, OrderPayments>();
        services.AddScoped<IOrderAnalytics, Analytics.OrderAnalytics>();
        services.AddScoped<Catalog.Contracts.IStockHolds, StockHolds.OrderStockHolds>();
        services.AddScoped<IOrderFulfillment, Fulfillment.OrderFulfillment>();
        services.AddScoped<OrderTransitions>();
        services.AddScoped<OrderReader>();
        services.AddScoped<CheckoutHandler>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<OrdersOptions>>().Value;
            return new Common.Http.CheckoutBulkhead(options.CheckoutConcurrency, options.CheckoutQueueLimit);
        });
        services.AddSingleton<SoldOutGate>();
        services.AddScoped<CancelUnpaidOrdersJob>();
        services.AddSingleton<IRecurringJobSchedule, OrdersJobSchedule>();
        services.AddScoped<OrdersErpSync>();
        services.AddScoped<IErpSyncWriteBack>(provider => provider.GetRequiredService<OrdersErpSync>());
        services.AddScoped<IErpResync>(provider => provider.GetRequiredService<OrdersErpSync>());
        return services;
    }
}
