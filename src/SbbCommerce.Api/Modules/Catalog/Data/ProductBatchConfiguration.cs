namespace SbbCommerce.Api.Modules.Catalog.Data;

internal sealed class ProductBatchConfiguration : IEntityTypeConfiguration<ProductBatch>
{
    public void Configure(EntityTypeBuilder<ProductBatch> builder)
    {
        builder.ToTable("product_batches");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.BatchNumber).HasMaxLength(50);
    }
}
