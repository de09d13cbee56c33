using SbbCommerce.Api.Modules.Catalog.Compliance;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Products;

/// <summary>Writing the request fields onto a product and its category assignments; the checks that need the database.</summary>
internal static class ProductFields
{
    public static void Apply(Product product, IProductFields fields)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(fields);
        product.Sku = fields.Sku;
        product.Name = fields.Name.Trim();
        product.Slug = fields.Slug;
        product.ProductType = fields.ProductType ?? ProductType.Peptide;
        product.PriceCents = fields.PriceCents;
        product.CompareAtCents = fields.CompareAtCents;
        product.CostCents = fields.CostCents;
        product.TrackInventory = fields.TrackInventory;
        product.LowStockThreshold = fields.LowStockThreshold;
        product.WeightGrams = fields.WeightGrams;
        product.ShortDescription = string.IsNullOrWhiteSpace(fields.ShortDescription) ? null : fields.ShortDescription.Trim();
        product.RequiresAgeVerification = fields.RequiresAgeVerification;
        product.RequiresKyc = fields.RequiresKyc;
        product.RestrictedStates = ShippingRestrictions.States(fields.RestrictedStates);
        product.RestrictedCountries = ShippingRestrictions.Countries(fields.RestrictedCountries);
    }

    /// <summary>The assignments the request asks for (the primary flagged), or null when it leaves them as they are.</summary>
    public static List<ProductCategoryAssignment>? Assignments(Guid productId, IProductFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return fields.CategoryIds?
            .Select(id => new ProductCategoryAssignment { ProductId = productId, CategoryId = id, IsPrimary = id == fields.PrimaryCategoryId })
            .ToList();
    }

    /// <summary>Whether another product holds the sku or slug, or a category does not exist.</summary>
    public static async Task<ProductFieldsCheck> CheckAsync(SbbDbContext db, Guid productId, IProductFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(fields);
        var (sku, slug) = (fields.Sku, fields.Slug);
        var taken = await db.Set<Product>().AsNoTracking()
            .Where(p => p.Id != productId && (p.Sku == sku || p.Slug == slug))
            .Select(p => new { p.Sku, p.Slug })
            .ToListAsync(cancellationToken);
        if (taken.Any(p => p.Sku == sku))
        {
            return ProductFieldsCheck.Refused(ProductFieldsRefusal.SkuTaken);
        }

        if (taken.Count > 0)
        {
            return ProductFieldsCheck.Refused(ProductFieldsRefusal.SlugTaken);
        }

        if (fields.CategoryIds is { Count: > 0 } categoryIds)
        {
            var ids = categoryIds.ToArray();
            var found = await db.Set<ProductCategory>().AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.Id)
                .ToListAsync(cancellationToken);
            var missing = ids.Except(found).ToList();
            if (missing.Count > 0)
            {
                return new ProductFieldsCheck(ProductFieldsRefusal.CategoryNotFound, missing);
            }
        }

        return ProductFieldsCheck.Passed;
    }

    /// <summary>Whether a unique violation the database reported is a sku or slug a concurrent request took.</summary>
    public static bool IsKeyTaken(Exception exception) => KeyTaken(exception) != ProductFieldsRefusal.None;

    /// <summary>The 409 for a unique violation <see cref="IsKeyTaken"/> recognised.</summary>
    public static ProblemHttpResult KeyTakenProblem(Exception exception) =>
        ProductFieldsCheck.Refused(KeyTaken(exception)).Problem();

    private static ProductFieldsRefusal KeyTaken(Exception exception) => DbErrors.UniqueViolation(exception) switch
    {
        CatalogConstraints.ProductSkuUnique => ProductFieldsRefusal.SkuTaken,
        CatalogConstraints.ProductSlugUnique => ProductFieldsRefusal.SlugTaken,
        _ => ProductFieldsRefusal.None,
    };
}
