namespace SbbCommerce.Api.Modules.Events.Data;

internal sealed class EventProductDayConfiguration : IEntityTypeConfiguration<EventProductDay>
{
    public void Configure(EntityTypeBuilder<EventProductDay> builder)
    {
        builder.ToTable("event_product_days");
        builder.HasKey(d => new { d.Day, d.ProductId });
    }
}
