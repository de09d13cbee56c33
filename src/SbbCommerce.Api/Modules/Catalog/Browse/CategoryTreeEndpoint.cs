namespace SbbCommerce.Api.Modules.Catalog.Browse;

internal static class CategoryTreeEndpoint
{
    public static RouteHandlerBuilder MapCategoryTree(this RouteGroupBuilder api) =>
        api.MapGet("/categories", HandleAsync)
            .WithName("GetCategoryTree")
            .WithSummary("The category tree: roots in sort order, each with its sub-categories.")
            .WithDescription("400 `malformed_request` (the host's answer to an unreadable request); nothing else fails.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Ok<IReadOnlyList<CategoryNodeResponse>>> HandleAsync(ProductBrowser browser, CancellationToken cancellationToken) =>
        TypedResults.Ok((await browser.CategoriesAsync(cancellationToken)).Tree);
}
