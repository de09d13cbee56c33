namespace SbbCommerce.Api.Modules.Fulfillment.Data;

internal sealed class ShipmentStatusHistoryConfiguration : IEntityTypeConfiguration<ShipmentStatusHistory>
{
    public void Configure(EntityTypeBuilder<ShipmentStatusHistory> builder)
    {
        builder.ToTable("fulfillment_status_history");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.CarrierStatus).HasMaxLength(100);
        builder.Property(e => e.Location).HasMaxLength(200);
        builder.Property(e => e.Metadata).HasColumnType("jsonb");
    }
}
