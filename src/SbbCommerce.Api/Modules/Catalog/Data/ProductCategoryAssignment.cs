namespace SbbCommerce.Api.Modules.Catalog.Data;

/// <summary>A row of <c>product_category_assignments</c>.</summary>
internal sealed class ProductCategoryAssignment
{
    public Guid ProductId { get; set; }
    public Guid CategoryId { get; set; }
    public bool IsPrimary { get; set; }
}
