using SbbCommerce.Api.Modules.Catalog.Batches;
using SbbCommerce.Api.Modules.Catalog.Caching;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Browse;

/// <summary>The storefront's reads: active, non-deleted products and the category tree, through the read cache.</summary>
internal sealed class ProductBrowser(SbbDbContext db, CatalogReadCache cache, TimeProvider timeProvider)
{
    public async Task<CategoryIndex> CategoriesAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrLoadAsync("categories", CatalogCacheTags.Categories, LoadCategoriesAsync, cancellationToken))!;

    public Task<ProductResponse?> GetAsync(string slug, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync($"product:{slug}", CatalogCacheTags.Products, async ct =>
        {
            var rows = await ProductRow.LoadAsync(db, Visible().Where(p => p.Slug == slug), CurrentBatch.Today(timeProvider), ct);
            return rows.Count == 0 ? null : (await WithCategoriesAsync(rows, ct))[0];
        }, cancellationToken);

    public async Task<PagedResponse<ProductResponse>> ListAsync(
        ProductListQuery query, PageRequest page, ProductCursor? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var key = $"products:{query.Category}|{query.Type}|{query.Q}|{page.Limit}|{page.Cursor}";
        var categories = query.Category is null ? null : await CategoriesAsync(cancellationToken);
        return (await cache.GetOrLoadAsync(key, CatalogCacheTags.Products, async ct =>
        {
            var products = Visible();
            if (categories is not null)
            {
                var subtree = categories.SubtreeOf(query.Category!);
                if (subtree is null)
                {
                    return new PagedResponse<ProductResponse>([], null);
                }

                var assignments = db.Set<ProductCategoryAssignment>();
                products = products.Where(p => assignments.Any(a => a.ProductId == p.Id && subtree.Contains(a.CategoryId)));
            }

            if (query.ProductType is { } type)
            {
                products = products.Where(p => p.ProductType == type);
            }

            products = products.WhereNameOrSkuContains(query.Q);

            if (after is not null)
            {
                products = products.Where(p => EF.Functions.GreaterThan(
                    ValueTuple.Create(p.Name, p.Id), ValueTuple.Create(after.Name, after.Id)));
            }

            var rows = await ProductRow.LoadAsync(db, products.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(page.Limit + 1),
                CurrentBatch.Today(timeProvider), ct);
            var items = await WithCategoriesAsync(rows, ct);
            return KeysetCursor.ToPage(items, page.Limit, item => item, item => new ProductCursor(item.Name, item.Id));
        }, cancellationToken))!;
    }

    private IQueryable<Product> Visible() =>
        db.Set<Product>().AsNoTracking().Where(p => p.Status == ProductStatus.Active && p.DeletedAt == null);

    private async Task<List<ProductResponse>> WithCategoriesAsync(List<ProductRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(row => row.Id).ToArray();
        var links = await (
                from assignment in db.Set<ProductCategoryAssignment>()
                join category in db.Set<ProductCategory>() on assignment.CategoryId equals category.Id
                where ids.Contains(assignment.ProductId)
                select new { assignment.ProductId, Category = new ProductCategoryRef(category.Id, category.Name, category.Slug, assignment.IsPrimary) })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var byProduct = links.ToLookup(link => link.ProductId, link => link.Category);
        return rows.Select(row => row.ToResponse(byProduct[row.Id]
                .OrderByDescending(category => category.IsPrimary)
                .ThenBy(category => category.Name, StringComparer.Ordinal)
                .ToList()))
            .ToList();
    }

    private async Task<CategoryIndex?> LoadCategoriesAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<ProductCategory>().AsNoTracking()
            .Select(c => new CategoryRow(c.Id, c.Name, c.Slug, c.Description, c.ParentId, c.SortOrder))
            .ToListAsync(cancellationToken);
        return new CategoryIndex(rows);
    }
}
