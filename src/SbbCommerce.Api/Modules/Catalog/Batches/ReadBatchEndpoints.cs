using SbbCommerce.Api.Modules.Catalog.Data;
using SbbCommerce.Api.Modules.Catalog.Products;

namespace SbbCommerce.Api.Modules.Catalog.Batches;

internal static class ReadBatchEndpoints
{
    public static RouteGroupBuilder MapReadBatches(this RouteGroupBuilder admin)
    {
        admin.MapGet("/products/{id:guid}/batches", ListAsync)
            .WithName("ListProductBatches")
            .WithSummary("A product's batches, newest first.")
            .WithDescription("404 `product_not_found`; 400 `invalid_cursor`.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/batches/{id:guid}", GetAsync)
            .WithName("GetBatch")
            .WithSummary("One batch.")
            .WithDescription("404 `batch_not_found`.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    private static async Task<Results<Ok<PagedResponse<BatchResponse>>, ProblemHttpResult>> ListAsync(
        Guid id, int? limit, string? cursor, SbbDbContext db, CancellationToken cancellationToken)
    {
        var page = PageRequest.From(limit, cursor);
        if (!page.TryReadCursor(out CreatedIdCursor? after))
        {
            return ApiProblems.InvalidCursor();
        }

        if (!await db.Set<Product>().AnyAsync(p => p.Id == id, cancellationToken))
        {
            return AdminProducts.NotFound();
        }

        return TypedResults.Ok(await db.Set<ProductBatch>().AsNoTracking().Where(b => b.ProductId == id)
            .ToPageAsync(page, after, b => b.CreatedAt, b => b.Id, BatchResponse.From, cancellationToken));
    }

    private static async Task<Results<Ok<BatchResponse>, ProblemHttpResult>> GetAsync(
        Guid id, SbbDbContext db, CancellationToken cancellationToken) =>
        await db.Set<ProductBatch>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken) is { } batch
            ? TypedResults.Ok(BatchResponse.From(batch))
            : BatchResponse.NotFound();
}
