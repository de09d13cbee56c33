using SbbCommerce.Api.Modules.Catalog.Caching;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Products;

internal static class PublishProductEndpoint
{
    public static RouteHandlerBuilder MapPublishProduct(this RouteGroupBuilder admin) =>
        admin.MapPost("/products/{id:guid}/publish", HandleAsync)
            .WithName("PublishProduct")
            .WithSummary("Put a product on sale: status active, published_at set the first time. Publishing an active product changes nothing.")
            .WithDescription("404 `product_not_found` (also for deleted products).")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<AdminProductResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, SbbDbContext db, ProductChangeLog changes, CatalogReadCache cache, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var product = await db.Set<Product>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.DeletedAt == null, cancellationToken);
        if (product is null)
        {
            return AdminProducts.NotFound();
        }

        if (product.Status != ProductStatus.Active)
        {
            var assignments = await db.Set<ProductCategoryAssignment>().AsNoTracking().Where(a => a.ProductId == id).ToListAsync(cancellationToken);
            var before = ProductAuditValues.Of(product, assignments);
            var now = timeProvider.GetDatabaseNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Set-based, so a concurrent stock change of the row cannot make it fail; it is an admin write, so it
            // moves the edit version (an admin editing the draft meanwhile must reload).
            var updated = await db.Set<Product>()
                .Where(p => p.Id == id && p.DeletedAt == null && p.Status != ProductStatus.Active)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(p => p.Status, ProductStatus.Active)
                    .SetProperty(p => p.PublishedAt, p => p.PublishedAt ?? now)
                    .SetProperty(p => p.UpdatedAt, now)
                    .SetProperty(p => p.EditVersion, p => p.EditVersion + 1),
                    cancellationToken);
            if (updated == 1)
            {
                (product.Status, product.PublishedAt, product.UpdatedAt) = (ProductStatus.Active, product.PublishedAt ?? now, now);
                changes.Record("product.published", product, before, assignments);
                await cache.SaveAndCommitAsync(db, transaction, cancellationToken, CatalogCacheTags.Products);
            }
        }

        return await AdminProducts.LoadAsync(db, id, cancellationToken) is { DeletedAt: null } published
            ? TypedResults.Ok(published)
            : AdminProducts.NotFound();
    }
}
