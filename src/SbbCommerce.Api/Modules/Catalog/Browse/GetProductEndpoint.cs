namespace SbbCommerce.Api.Modules.Catalog.Browse;

internal static class GetProductEndpoint
{
    public static RouteHandlerBuilder MapGetProduct(this RouteGroupBuilder api) =>
        api.MapGet("/products/{slug}", HandleAsync)
            .WithName("GetProduct")
            .WithSummary("A product page by slug: price, availability, compliance flags, current batch and COA.")
            .WithDescription("404 `product_not_found` for unknown, draft, discontinued or deleted products.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> HandleAsync(
        string slug, ProductBrowser browser, CancellationToken cancellationToken) =>
        slug.Length <= 255 && await browser.GetAsync(slug, cancellationToken) is { } product
            ? TypedResults.Ok(product)
            : ApiProblems.NotFound(CatalogErrors.ProductNotFound, "No such product.");
}
