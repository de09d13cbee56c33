using SbbCommerce.Api.Modules.Catalog.Caching;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Products;

internal static class DeleteProductEndpoint
{
    public static RouteHandlerBuilder MapDeleteProduct(this RouteGroupBuilder admin) =>
        admin.MapDelete("/products/{id:guid}", HandleAsync)
            .WithName("DeleteProduct")
            .WithSummary("Soft-delete a product: it leaves the storefront; orders keep referring to it. Audited; queues item.upsert.")
            .WithDescription("404 `product_not_found` (also when already deleted).")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid id, SbbDbContext db, ProductChangeLog changes, CatalogReadCache cache, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var product = await db.Set<Product>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.DeletedAt == null, cancellationToken);
        if (product is null)
        {
            return AdminProducts.NotFound();
        }

        var assignments = await db.Set<ProductCategoryAssignment>().AsNoTracking().Where(a => a.ProductId == id).ToListAsync(cancellationToken);
        var before = ProductAuditValues.Of(product, assignments);
        var now = timeProvider.GetDatabaseNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Set-based, so a concurrent stock change of the row cannot make it fail; an admin write: the edit version moves.
        var updated = await db.Set<Product>()
            .Where(p => p.Id == id && p.DeletedAt == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(p => p.DeletedAt, now)
                .SetProperty(p => p.UpdatedAt, now)
                .SetProperty(p => p.EditVersion, p => p.EditVersion + 1),
                cancellationToken);
        if (updated == 0)
        {
            return AdminProducts.NotFound(); // deleted by a concurrent request
        }

        (product.DeletedAt, product.UpdatedAt) = (now, now);
        changes.Record("product.deleted", product, before, assignments);
        await cache.SaveAndCommitAsync(db, transaction, cancellationToken, CatalogCacheTags.Products);
        return TypedResults.NoContent();
    }
}
