using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Products;

/// <summary>Loading products for the admin routes.</summary>
internal static class AdminProducts
{
    public static ProblemHttpResult NotFound() => ApiProblems.NotFound(CatalogErrors.ProductNotFound, "No such product.");

    /// <summary>The product as admins see it (deleted ones included), or null.</summary>
    public static async Task<AdminProductResponse?> LoadAsync(SbbDbContext db, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var product = await db.Set<Product>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return product is null ? null : (await WithAssignmentsAsync(db, [product], cancellationToken))[0];
    }

    public static async Task<List<AdminProductResponse>> WithAssignmentsAsync(
        SbbDbContext db, IReadOnlyList<Product> products, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(products);
        var ids = products.Select(p => p.Id).ToArray();
        var assignments = (await db.Set<ProductCategoryAssignment>().AsNoTracking()
                .Where(a => ids.Contains(a.ProductId))
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.ProductId);
        return products.Select(p => AdminProductResponse.From(p, assignments[p.Id].ToList())).ToList();
    }
}
