namespace SbbCommerce.Api.Modules.Orders.Data;

internal sealed class OrderStatusHistoryConfiguration : IEntityTypeConfiguration<OrderStatusHistory>
{
    public void Configure(EntityTypeBuilder<OrderStatusHistory> builder)
    {
        builder.ToTable("order_status_history");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ChangedByType).HasMaxLength(20).IsRequired();
        builder.Property(e => e.Metadata).HasColumnType("jsonb");
    }
}
