namespace SbbCommerce.Api.Modules.Orders.Data;

internal sealed class OrderItemConfiguration : IEntityTypeConfiguration<OrderItem>
{
    public void Configure(EntityTypeBuilder<OrderItem> builder)
    {
        builder.ToTable("order_items");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ProductSku).HasMaxLength(50);
        builder.Property(e => e.ProductName).HasMaxLength(255);
        builder.Property(e => e.SubtotalCents).HasComputedColumnSql("quantity * unit_price_cents", stored: true);
        builder.Property(e => e.BatchNumber).HasMaxLength(50);
        builder.Property(e => e.ErpLineId).HasMaxLength(50);
    }
}
