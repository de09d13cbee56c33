using SbbCommerce.Api.Common.Notifications;
using SbbCommerce.Api.Modules.Catalog.Erp;
using SbbCommerce.Api.Modules.Integration.Contracts;
using SbbCommerce.Api.Common.Jobs;
using SbbCommerce.Api.Modules.Catalog.Batches;
using SbbCommerce.Api.Modules.Catalog.Browse;
using SbbCommerce.Api.Modules.Catalog.Caching;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Inventory;
using SbbCommerce.Api.Modules.Catalog.Jobs;
using SbbCommerce.Api.Modules.Catalog.Products;

namespace SbbCommerce.Api.Modules.Catalog;

internal static class CatalogModule
{
    /// <summary>Registers the Catalog module's services.</summary>
    public static IServiceCollection AddCatalogModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<CatalogOptions>(configuration.GetSection(CatalogOptions.Section));
        // The last line of defence of stock (a reservation or count that slipped past the checks): 422 insufficient_stock.
        services.AddDbConstraintCodes(
            new DbConstraintCode(Data.CatalogConstraints.OnHandCoversReserved, CatalogErrors.InsufficientStock),
            new DbConstraintCode(Data.CatalogConstraints.ReservedNonNegative, CatalogErrors.InsufficientStock));
        services.AddSingleton<CatalogReadCache>();
        services.AddSingleton<IDatabaseNotificationSubscriber>(provider => provider.GetRequiredService<CatalogReadCache>());
        services.AddScoped<ProductBrowser>();
        services.AddScoped<Inventory.Check.InventoryInvariant>();
        services.AddScoped<ProductChangeLog>();
        services.AddScoped<IInventoryService, InventoryService>();
        services.AddScoped<IProductCatalog, ProductCatalog>();
        services.AddScoped<IBatchAllocator, BatchAllocator>();
        services.AddScoped<IBatchRegistry, BatchRegistry>();
        services.AddScoped<CurrentBatchRefreshJob>();
        services.AddSingleton<IRecurringJobSchedule, CatalogJobSchedule>();
        services.AddScoped<CatalogErpSync>();
        services.AddScoped<IErpSyncWriteBack>(provider => provider.GetRequiredService<CatalogErpSync>());
        services.AddScoped<IErpResync>(provider => provider.GetRequiredService<CatalogErpSync>());
        services.AddScoped<ErpInventoryCountHandler>();
        services.AddScoped<IInboundWebhookHandler>(provider => provider.GetRequiredService<ErpInventoryCountHandler>());
        services.AddScoped<IInventoryCounts>(provider => provider.GetRequiredService<ErpInventoryCountHandler>());
        return services;
    }
}
