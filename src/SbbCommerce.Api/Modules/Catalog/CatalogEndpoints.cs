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
        var publicReads = api.MapGroup("").AddEndpointFilter<PublicCacheFilter>().WithMetadata(ConditionalReadMetadata.Instance);
        publicReads.MapListProducts();
        publicReads.MapGetProduct();
        publicReads.MapCategoryTree();
        publicReads.MapCoaLookup();

        var admin = api.MapGroup("/admin").RequireAuthorization(Policies.Admin);
        admin.MapListAdminProducts();
        admin.MapLowStock();
        admin.MapGetAdminProduct();
        admin.MapCreateProduct();
        admin.MapUpdateProduct();
        admin.MapDeleteProduct();
        admin.MapPublishProduct();
        admin.MapAdjustInventory();
        admin.MapInventoryDiscrepancies();
        admin.MapInventoryCheck();
        admin.MapReadCategories();
        admin.MapCreateCategory();
        admin.MapUpdateCategory();
        admin.MapDeleteCategory();
        admin.MapReadBatches();
        admin.MapCreateBatch();
        admin.MapVerifyCoa();

        var environment = endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>();
        if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
        {
            endpoints.MapInventoryDiagnostics();
        }

        return endpoints;
    }
}
