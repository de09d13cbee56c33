using SbbCommerce.Api.Common.Jobs;
using SbbCommerce.Api.Common.Notifications;
using SbbCommerce.Api.Modules.Cart.Carts;
using SbbCommerce.Api.Modules.Cart.Jobs;
using SbbCommerce.Api.Modules.Cart.Merge;
using SbbCommerce.Api.Modules.Cart.Pricing;
using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.Api.Modules.Cart;

internal static class CartModule
{
    /// <summary>Registers the Cart module's services.</summary>
    public static IServiceCollection AddCartModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CartOptions>(configuration.GetSection(CartOptions.Section));
        services.Configure<TaxOptions>(configuration.GetSection(TaxOptions.Section));
        services.AddScoped<CartStore>();
        services.AddScoped<CartPricer>();
        services.AddScoped<CartEditor>();
        services.AddScoped<CartAbandonmentJob>();
        services.AddScoped<Contracts.ICartCheckout, Checkout.CartCheckout>();
        services.AddSingleton<IRecurringJobSchedule, CartJobSchedule>();
        services.AddScoped<INotificationHandler<UserLoggedIn>, MergeCartOnLogin>();
        return services;
    }
}
