namespace SbbCommerce.Api.Modules.Catalog.Data;

/// <summary>A row of <c>product_batches</c>.</summary>
internal sealed class ProductBatch : RowVersioned
{
    public Guid Id { get; set; }
    public Guid ProductId { get; set; }
    public required string BatchNumber { get; set; }
    public int QuantityProduced { get; set; }
    public int QuantityRemaining { get; set; }
    public required string CoaFileUrl { get; set; }
    public bool CoaVerified { get; set; }
    public Guid? CoaVerifiedBy { get; set; }
    public DateTimeOffset? CoaVerifiedAt { get; set; }
    public DateOnly ManufacturedAt { get; set; }
    public DateOnly ExpiresAt { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the batch was recalled (it never ships again), with <see cref="RecallReason"/>.</summary>
    public DateTimeOffset? RecalledAt { get; set; }
    public string? RecallReason { get; set; }
}
