namespace SbbCommerce.Api.Modules.Catalog.Data;

/// <summary>A row of <c>product_categories</c>.</summary>
internal sealed class ProductCategory
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string? Description { get; set; }
    public Guid? ParentId { get; set; }
    public int SortOrder { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin: a concurrent update of the same row fails instead of overwriting.</summary>
    public uint Version { get; set; }
}
