using Microsoft.AspNetCore.Mvc;
using SbbCommerce.Api.Modules.Catalog.Browse;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Products;

/// <summary>Filters and page of <c>GET /api/v1/admin/products</c>.</summary>
/// <param name="Status">draft, active, discontinued or out_of_stock.</param>
/// <param name="Q">Text searched in name and sku.</param>
/// <param name="IncludeDeleted">Also list soft-deleted products (default false).</param>
/// <param name="Limit">Page size, default 50, max 200.</param>
/// <param name="Cursor">The previous page's <c>nextCursor</c>.</param>
internal sealed record AdminProductListQuery(
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "includeDeleted")] bool? IncludeDeleted,
    [FromQuery(Name = "limit")] int? Limit,
    [FromQuery(Name = "cursor")] string? Cursor);

internal sealed class AdminProductListQueryValidator : AbstractValidator<AdminProductListQuery>
{
    public AdminProductListQueryValidator()
    {
        RuleFor(query => query.Status)
            .Must(status => status is null || SnakeCaseEnum.TryParse<ProductStatus>(status, out _))
            .WithMessage($"Status must be one of: {string.Join(", ", SnakeCaseEnum.All<ProductStatus>())}.");
        RuleFor(query => query.Q).MaximumLength(100);
    }
}

internal static class ListAdminProductsEndpoint
{
    public static RouteHandlerBuilder MapListAdminProducts(this RouteGroupBuilder admin) =>
        admin.MapGet("/products", HandleAsync)
            .WithName("ListAdminProducts")
            .WithSummary("Every product, newest first, any status; filter by status and text.")
            .WithDescription("400 `validation_failed`, `invalid_cursor`.")
            .WithValidation<AdminProductListQuery>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Results<Ok<PagedResponse<AdminProductResponse>>, ProblemHttpResult>> HandleAsync(
        [AsParameters] AdminProductListQuery query, SbbDbContext db, CancellationToken cancellationToken)
    {
        var page = PageRequest.From(query.Limit, query.Cursor);
        if (!page.TryReadCursor(out CreatedIdCursor? after))
        {
            return ApiProblems.InvalidCursor();
        }

        var products = db.Set<Product>().AsNoTracking();
        if (query.IncludeDeleted != true)
        {
            products = products.Where(p => p.DeletedAt == null);
        }

        if (SnakeCaseEnum.TryParse<ProductStatus>(query.Status, out var status))
        {
            products = products.Where(p => p.Status == status);
        }

        products = products.WhereNameOrSkuContains(query.Q);

        var rows = await products.Page(page, after, p => p.CreatedAt, p => p.Id).ToListAsync(cancellationToken);
        var items = await AdminProducts.WithAssignmentsAsync(db, rows, cancellationToken);
        return TypedResults.Ok(KeysetCursor.ToPage(items, page.Limit, item => item, item => new CreatedIdCursor(item.CreatedAt, item.Id)));
    }
}
