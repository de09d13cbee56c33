namespace SbbCommerce.Api.Modules.Catalog.Products;

internal static class GetAdminProductEndpoint
{
    public static RouteHandlerBuilder MapGetAdminProduct(this RouteGroupBuilder admin) =>
        admin.MapGet("/products/{id:guid}", HandleAsync)
            .WithName("GetAdminProduct")
            .WithSummary("A product with every column (drafts and deleted ones too) and the version an update must send back.")
            .WithDescription("404 `product_not_found`.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<AdminProductResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, SbbDbContext db, CancellationToken cancellationToken) =>
        await AdminProducts.LoadAsync(db, id, cancellationToken) is { } product
            ? TypedResults.Ok(product)
            : AdminProducts.NotFound();
}
