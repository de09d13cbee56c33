using SbbCommerce.Api.Modules.Catalog.Caching;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Batches;

internal static class VerifyCoaEndpoint
{
    public static RouteHandlerBuilder MapVerifyCoa(this RouteGroupBuilder admin) =>
        admin.MapPost("/batches/{id:guid}/verify-coa", HandleAsync)
            .WithName("VerifyBatchCoa")
            .WithSummary("Mark a batch's certificate of analysis as checked (who and when). The product's current batch "
                + "becomes its newest verified, active, unexpired batch. Verifying again changes nothing. Audited.")
            .WithDescription("404 `batch_not_found`.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<BatchResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, SbbDbContext db, ICurrentUser currentUser, IAuditWriter audit, CatalogReadCache cache, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var batch = await db.Set<ProductBatch>().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (batch is null)
        {
            return BatchResponse.NotFound();
        }

        if (batch.CoaVerified)
        {
            return TypedResults.Ok(BatchResponse.From(batch));
        }

        var before = BatchResponse.From(batch);
        batch.CoaVerified = true;
        batch.CoaVerifiedBy = currentUser.UserId;
        batch.CoaVerifiedAt = timeProvider.GetDatabaseNow();
        audit.Record("batch.coa_verified", BatchResponse.ResourceType, id, before, BatchResponse.From(batch));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // a concurrent verification of the same batch: 409 (xmin)
        await CurrentBatch.RefreshAsync(db, batch.ProductId, CurrentBatch.Today(timeProvider), cancellationToken);
        await CatalogReadCache.NotifyAsync(db, cancellationToken, CatalogCacheTags.Products);
        await transaction.CommitAsync(cancellationToken);
        cache.Evict(CatalogCacheTags.Products);
        return TypedResults.Ok(BatchResponse.From(batch));
    }
}
