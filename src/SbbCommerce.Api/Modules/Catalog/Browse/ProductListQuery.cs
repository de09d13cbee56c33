using Microsoft.AspNetCore.Mvc;
using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.Api.Modules.Catalog.Browse;

/// <summary>Filters and page of <c>GET /api/v1/products</c>.</summary>
/// <param name="Category">A category slug: its products and those of its sub-categories, at any depth.</param>
/// <param name="Type">peptide, kit, accessory or bundle.</param>
/// <param name="Q">Text searched in name and sku (case-insensitive, substring).</param>
/// <param name="Limit">Page size, default 50, max 200.</param>
/// <param name="Cursor">The previous page's <c>nextCursor</c>.</param>
internal sealed record ProductListQuery(
    [FromQuery(Name = "category")] string? Category,
    [FromQuery(Name = "type")] string? Type,
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "limit")] int? Limit,
    [FromQuery(Name = "cursor")] string? Cursor)
{
    public ProductType? ProductType => SnakeCaseEnum.TryParse<ProductType>(Type, out var type) ? type : null;
}

internal sealed class ProductListQueryValidator : AbstractValidator<ProductListQuery>
{
    public ProductListQueryValidator()
    {
        RuleFor(query => query.Category).MaximumLength(100);
        RuleFor(query => query.Type)
            .Must(type => type is null || SnakeCaseEnum.TryParse<ProductType>(type, out _))
            .WithMessage($"Type must be one of: {string.Join(", ", SnakeCaseEnum.All<ProductType>())}.");
        RuleFor(query => query.Q).MaximumLength(100);
    }
}
