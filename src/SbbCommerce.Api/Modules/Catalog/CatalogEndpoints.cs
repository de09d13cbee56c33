using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Common.OpenApi;
using SbbCommerce.Api.Modules.Catalog.Batches;
using SbbCommerce.Api.Modules.Catalog.Browse;
using SbbCommerce.Api.Modules.Catalog.Caching;
using SbbCommerce.Api.Modules.Catalog.Categories;
using SbbCommerce.Api.Modules.Catalog.Diagnostics;
using SbbCommerce.Api.Modules.Catalog.Inventory;
using SbbCommerce.Api.Modules.Catalog.Inventory.Check;
using SbbCommerce.Api.Modules.Catalog.Products;

namespace SbbCommerce.Api.Modules.Catalog;

internal static class CatalogEndpoints
{
    /// <summary>Maps the Catalog routes on one group under <c>/api/v1</c> (admin routes under <c>/api/v1/admin</c>).</summary>
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api/v1").WithTags("Catalog");
        // Public reads a CDN may hold: ETag, public Cache-Control, 304 on If-None-Match.
        api.MapGroup("").AddEndpointFilter<PublicCacheFilter>().WithMetadata(ConditionalReadMetadata.Instance)
            .MapListProducts()
            .MapGetProduct()
            .MapCategoryTree()
            .MapCoaLookup();

        var admin = api.MapGroup("/admin").RequireAuthorization(Policies.Admin);
        admin.MapListAdminProducts()
            .MapLowStock()
            .MapGetAdminProduct()
            .MapCreateProduct()
            .MapUpdateProduct()
            .MapDeleteProduct()
            .MapPublishProduct()
            .MapAdjustInventory()
            .MapInventoryDiscrepancies()
            .MapInventoryCheck()
            .MapReadCategories()
            .MapCreateCategory()
            .MapUpdateCategory()
            .MapDeleteCategory()
            .MapReadBatches()
            .MapCreateBatch()
            .MapVerifyCoa();

        var environment = endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>();
        if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
        {
            endpoints.MapInventoryDiagnostics();
        }

        return endpoints;
    }
}
