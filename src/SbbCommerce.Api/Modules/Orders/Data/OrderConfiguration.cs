namespace SbbCommerce.Api.Modules.Orders.Data;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.OrderNumber).HasMaxLength(20);
        builder.Property(e => e.CustomerEmail).HasMaxLength(255);
        builder.Property(e => e.CustomerName).HasMaxLength(200);
        builder.Property(e => e.ShippingAddress).HasColumnType("jsonb");
        builder.Property(e => e.BillingAddress).HasColumnType("jsonb");
        builder.Property(e => e.AmountDueCents).HasComputedColumnSql("total_cents - amount_paid_cents", stored: true);
        builder.Property(e => e.DiscountCode).HasMaxLength(50);
        builder.Property(e => e.ShippingMethod).HasMaxLength(50);
        builder.Property(e => e.ShippingCarrier).HasMaxLength(50);
        builder.Property(e => e.TrackingNumber).HasMaxLength(100);
        builder.Property(e => e.ComplianceVersion).HasMaxLength(20);
        builder.Property(e => e.UtmSource).HasMaxLength(100);
        builder.Property(e => e.UtmMedium).HasMaxLength(100);
        builder.Property(e => e.UtmCampaign).HasMaxLength(100);
        builder.Property(e => e.ErpOrderId).HasMaxLength(50);
    }
}
