namespace SbbCommerce.Api.Modules.Catalog.Products;

/// <summary>Why the database refuses a product's fields.</summary>
internal enum ProductFieldsRefusal
{
    /// <summary>Not refused: the fields may be written.</summary>
    None,

    /// <summary>Another product holds the sku.</summary>
    SkuTaken,

    /// <summary>Another product holds the slug.</summary>
    SlugTaken,

    /// <summary>A category the request lists does not exist.</summary>
    CategoryNotFound,
}

/// <summary>The outcome of <see cref="ProductFields.CheckAsync"/>: passed, or the refusal and the problem that answers it.</summary>
/// <param name="Refusal">Why the fields are refused, or <see cref="ProductFieldsRefusal.None"/>.</param>
/// <param name="UnknownCategories">The categories that do not exist (for <see cref="ProductFieldsRefusal.CategoryNotFound"/>).</param>
internal sealed record ProductFieldsCheck(ProductFieldsRefusal Refusal, IReadOnlyList<Guid> UnknownCategories)
{
    public static ProductFieldsCheck Passed { get; } = Refused(ProductFieldsRefusal.None);

    public bool IsRefused => Refusal != ProductFieldsRefusal.None;

    public static ProductFieldsCheck Refused(ProductFieldsRefusal refusal) => new(refusal, []);

    /// <summary>409 for a taken sku or slug, 422 for an unknown category.</summary>
    public ProblemHttpResult Problem() => Refusal switch
    {
        ProductFieldsRefusal.SkuTaken => ApiProblems.Conflict(CatalogErrors.SkuTaken, "Another product has this sku."),
        ProductFieldsRefusal.SlugTaken => ApiProblems.Conflict(CatalogErrors.SlugTaken, "Another product has this slug."),
        ProductFieldsRefusal.CategoryNotFound => ApiProblems.Unprocessable(CatalogErrors.CategoryNotFound,
            "A category does not exist.", $"Unknown categories: {string.Join(", ", UnknownCategories)}."),
        _ => throw new InvalidOperationException("The product's fields were not refused."),
    };
}
