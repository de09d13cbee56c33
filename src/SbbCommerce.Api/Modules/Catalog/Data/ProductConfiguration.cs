namespace SbbCommerce.Api.Modules.Catalog.Data;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Sku).HasMaxLength(50);
        builder.Property(e => e.Name).HasMaxLength(255);
        builder.Property(e => e.Slug).HasMaxLength(255);
        builder.Property(e => e.CurrentBatchNumber).HasMaxLength(50);
        builder.Property(e => e.ErpItemId).HasMaxLength(50);
        // Not xmin: every reservation moves xmin, and a hot product is reserved many times while an admin edits it.
        builder.Property(e => e.EditVersion).IsConcurrencyToken();
    }
}
