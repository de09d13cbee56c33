namespace SbbCommerce.Api.Modules.Fulfillment.Data;

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> builder)
    {
        builder.ToTable("fulfillments");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.FulfillmentNumber).HasMaxLength(20);
        builder.Property(e => e.Carrier).HasMaxLength(50);
        builder.Property(e => e.ServiceLevel).HasMaxLength(50);
        builder.Property(e => e.TrackingNumber).HasMaxLength(100);
        builder.Property(e => e.ShippoShipmentId).HasMaxLength(100);
        builder.Property(e => e.ShippoRateId).HasMaxLength(100);
        builder.Property(e => e.ShippingAddress).HasColumnType("jsonb");
        builder.Property(e => e.ErpShipmentId).HasMaxLength(50);
    }
}
