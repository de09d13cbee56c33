using SbbCommerce.Api.Modules.Catalog.Data;
using SbbCommerce.Api.Modules.Catalog.Products;

namespace SbbCommerce.Api.Modules.Catalog.Batches;

internal static class CreateBatchEndpoint
{
    public static RouteHandlerBuilder MapCreateBatch(this RouteGroupBuilder admin) =>
        admin.MapPost("/products/{id:guid}/batches", HandleAsync)
            .WithName("CreateBatch")
            .WithSummary("Record a batch of a product with its COA url (unverified until POST /admin/batches/{id}/verify-coa). Audited.")
            .WithDescription("404 `product_not_found`; 409 `batch_number_taken` (the product already has that batch number).")
            .WithValidation<CreateBatchRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Created<BatchResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, CreateBatchRequest request, SbbDbContext db, IAuditWriter audit, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        if (!await db.Set<Product>().AnyAsync(p => p.Id == id && p.DeletedAt == null, cancellationToken))
        {
            return AdminProducts.NotFound();
        }

        var batches = db.Set<ProductBatch>();
        if (await batches.AnyAsync(b => b.ProductId == id && b.BatchNumber == request.BatchNumber, cancellationToken))
        {
            return Taken();
        }

        var batch = new ProductBatch
        {
            Id = Guid.CreateVersion7(),
            ProductId = id,
            BatchNumber = request.BatchNumber,
            QuantityProduced = request.QuantityProduced,
            QuantityRemaining = request.QuantityRemaining ?? request.QuantityProduced,
            CoaFileUrl = request.CoaFileUrl,
            ManufacturedAt = request.ManufacturedAt,
            ExpiresAt = request.ExpiresAt,
            IsActive = request.IsActive,
            CreatedAt = timeProvider.GetDatabaseNow(),
        };
        batches.Add(batch);
        var created = BatchResponse.From(batch);
        audit.Record("batch.created", BatchResponse.ResourceType, batch.Id, null, created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DbErrors.UniqueViolation(exception) == CatalogConstraints.BatchNumberUnique)
        {
            return Taken();
        }

        // Unverified: the product's current batch and the storefront are unchanged.
        return TypedResults.Created($"/api/v1/admin/batches/{batch.Id}", created);
    }

    private static ProblemHttpResult Taken() =>
        ApiProblems.Conflict(CatalogErrors.BatchNumberTaken, "The product already has a batch with this number.");
}
