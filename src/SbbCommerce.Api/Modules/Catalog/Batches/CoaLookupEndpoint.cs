using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Batches;

/// <summary>The certificate of analysis behind a vial's lot number, as anyone may check it.</summary>
/// <param name="ProductName">The product.</param>
/// <param name="Sku">Its sku.</param>
/// <param name="BatchNumber">The lot number printed on the vial.</param>
/// <param name="ManufacturedAt">Manufacture date.</param>
/// <param name="ExpiresAt">Expiry date.</param>
/// <param name="CoaUrl">The certificate of analysis.</param>
/// <param name="Verified">The shop checked the certificate.</param>
/// <param name="Recalled">The lot was recalled: do not use it.</param>
/// <param name="RecalledAt">When it was recalled.</param>
/// <param name="RecallReason">Why.</param>
internal sealed record CoaResponse(
    string ProductName, string Sku, string BatchNumber, DateOnly ManufacturedAt, DateOnly ExpiresAt, string CoaUrl, bool Verified,
    bool Recalled, DateTimeOffset? RecalledAt, string? RecallReason);

internal static class CoaLookupEndpoint
{
    public static RouteHandlerBuilder MapCoaLookup(this RouteGroupBuilder api) =>
        api.MapGet("/coa/{batchNumber}", HandleAsync)
            .WithName("LookupCoa")
            .WithSummary("Public: the product, dates, certificate of analysis, verification and recall state of a lot number. "
                + "Lot numbers are unique per product: `sku` picks the product when two share one (else the newest lot).")
            .WithDescription("404 `batch_not_found`.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<CoaResponse>, ProblemHttpResult>> HandleAsync(
        string batchNumber, string? sku, SbbDbContext db, CancellationToken cancellationToken)
    {
        var query = from b in db.Set<ProductBatch>().AsNoTracking()
                    join p in db.Set<Product>().AsNoTracking() on b.ProductId equals p.Id
                    where b.BatchNumber == batchNumber && p.DeletedAt == null
                    select new { b, p };
        if (!string.IsNullOrWhiteSpace(sku))
        {
            query = query.Where(row => row.p.Sku == sku);
        }

        var found = await query.OrderByDescending(row => row.b.CreatedAt).ThenByDescending(row => row.b.Id)
            .Select(row => new CoaResponse(row.p.Name, row.p.Sku, row.b.BatchNumber, row.b.ManufacturedAt, row.b.ExpiresAt, row.b.CoaFileUrl,
                row.b.CoaVerified, row.b.RecalledAt != null, row.b.RecalledAt, row.b.RecallReason))
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? BatchResponse.NotFound() : TypedResults.Ok(found);
    }
}
