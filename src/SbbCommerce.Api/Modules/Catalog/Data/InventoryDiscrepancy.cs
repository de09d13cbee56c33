namespace SbbCommerce.Api.Modules.Catalog.Data;

/// <summary>An ERP count that fell below the units reserved for live orders: applied only down to reserved.</summary>
internal sealed class InventoryDiscrepancy
{
    public Guid Id { get; set; }
    public Guid ProductId { get; set; }
    public required string Sku { get; set; }
    public int Counted { get; set; }
    public int Reserved { get; set; }
    public int Applied { get; set; }
    public DateTimeOffset CountedAt { get; set; }
    public required string Source { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
