namespace SbbCommerce.Api.Modules.Catalog.Data;

internal sealed class ProductCategoryAssignmentConfiguration : IEntityTypeConfiguration<ProductCategoryAssignment>
{
    public void Configure(EntityTypeBuilder<ProductCategoryAssignment> builder)
    {
        builder.ToTable("product_category_assignments");
        builder.HasKey(e => new { e.ProductId, e.CategoryId });

    }
}
