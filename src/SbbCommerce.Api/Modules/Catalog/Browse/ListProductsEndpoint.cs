namespace SbbCommerce.Api.Modules.Catalog.Browse;

internal static class ListProductsEndpoint
{
    public static RouteHandlerBuilder MapListProducts(this RouteGroupBuilder api) =>
        api.MapGet("/products", HandleAsync)
            .WithName("ListProducts")
            .WithSummary("Active products, by name: filter by category slug (sub-categories included), type and text.")
            .WithDescription("400 `validation_failed` (unknown type), `invalid_cursor`. Served from a cache of a few seconds that admin changes evict.")
            .WithValidation<ProductListQuery>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Results<Ok<PagedResponse<ProductResponse>>, ProblemHttpResult>> HandleAsync(
        [AsParameters] ProductListQuery query, ProductBrowser browser, CancellationToken cancellationToken)
    {
        var page = PageRequest.From(query.Limit, query.Cursor);
        if (!page.TryReadCursor(out ProductCursor? after))
        {
            return ApiProblems.InvalidCursor();
        }

        return TypedResults.Ok(await browser.ListAsync(query, page, after, cancellationToken));
    }
}
