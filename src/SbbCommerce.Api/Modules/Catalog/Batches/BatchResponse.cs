using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Batches;

/// <summary>A production batch (lot) of a product and its certificate of analysis.</summary>
/// <param name="Id">Batch id.</param>
/// <param name="ProductId">The product.</param>
/// <param name="BatchNumber">Batch (lot) number, unique per product.</param>
/// <param name="QuantityProduced">Units made.</param>
/// <param name="QuantityRemaining">Units not yet shipped.</param>
/// <param name="CoaFileUrl">URL of the certificate of analysis.</param>
/// <param name="CoaVerified">An admin checked the certificate.</param>
/// <param name="CoaVerifiedBy">Who checked it.</param>
/// <param name="CoaVerifiedAt">When.</param>
/// <param name="ManufacturedAt">Manufacture date.</param>
/// <param name="ExpiresAt">Expiry date.</param>
/// <param name="IsActive">Still sold from.</param>
/// <param name="CreatedAt">When it was recorded.</param>
/// <param name="RecalledAt">When it was recalled (never shipped again), or null.</param>
/// <param name="RecallReason">Why.</param>
internal sealed record BatchResponse(
    Guid Id, Guid ProductId, string BatchNumber, int QuantityProduced, int QuantityRemaining, string CoaFileUrl, bool CoaVerified,
    Guid? CoaVerifiedBy, DateTimeOffset? CoaVerifiedAt, DateOnly ManufacturedAt, DateOnly ExpiresAt, bool IsActive,
    DateTimeOffset CreatedAt, DateTimeOffset? RecalledAt, string? RecallReason)
{
    public const string ResourceType = "product_batch";

    public static BatchResponse From(ProductBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new BatchResponse(batch.Id, batch.ProductId, batch.BatchNumber, batch.QuantityProduced, batch.QuantityRemaining,
            batch.CoaFileUrl, batch.CoaVerified, batch.CoaVerifiedBy, batch.CoaVerifiedAt, batch.ManufacturedAt, batch.ExpiresAt,
            batch.IsActive, batch.CreatedAt, batch.RecalledAt, batch.RecallReason);
    }

    public static ProblemHttpResult NotFound() =>
        ApiProblems.NotFound(CatalogErrors.BatchNotFound, "No such batch.");
}
