namespace SbbCommerce.Api.Modules.Catalog.Data;

/// <summary>A row of <c>product_categories</c>.</summary>
internal sealed class ProductCategory : RowVersioned
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string? Description { get; set; }
    public Guid? ParentId { get; set; }
    public int SortOrder { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
