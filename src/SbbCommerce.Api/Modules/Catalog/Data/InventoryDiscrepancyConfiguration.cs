namespace SbbCommerce.Api.Modules.Catalog.Data;

internal sealed class InventoryDiscrepancyConfiguration : IEntityTypeConfiguration<InventoryDiscrepancy>
{
    public void Configure(EntityTypeBuilder<InventoryDiscrepancy> builder)
    {
        builder.ToTable("inventory_discrepancies");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Sku).HasMaxLength(50);
        builder.Property(e => e.Source).HasMaxLength(50);
    }
}
