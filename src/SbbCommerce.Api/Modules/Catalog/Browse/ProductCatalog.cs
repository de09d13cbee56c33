using SbbCommerce.Api.Modules.Catalog.Batches;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Browse;

internal sealed class ProductCatalog(SbbDbContext db, TimeProvider timeProvider) : IProductCatalog
{
    public async Task<IReadOnlyList<ProductSnapshot>> GetProductsAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        if (productIds.Count == 0)
        {
            return [];
        }

        var ids = productIds.Distinct().ToArray();
        var rows = await ProductRow.LoadAsync(db, db.Set<Product>().AsNoTracking().Where(p => ids.Contains(p.Id)),
            CurrentBatch.Today(timeProvider), cancellationToken);
        return rows.Select(row => row.ToSnapshot()).ToList();
    }
}
