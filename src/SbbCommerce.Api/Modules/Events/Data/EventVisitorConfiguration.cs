namespace SbbCommerce.Api.Modules.Events.Data;

internal sealed class EventVisitorConfiguration : IEntityTypeConfiguration<EventVisitor>
{
    public void Configure(EntityTypeBuilder<EventVisitor> builder)
    {
        builder.ToTable("event_visitors");
        builder.HasKey(v => v.Visitor);
        foreach (var utm in new[] { nameof(EventVisitor.FirstTouchSource), nameof(EventVisitor.FirstTouchMedium), nameof(EventVisitor.FirstTouchCampaign),
                     nameof(EventVisitor.LastTouchSource), nameof(EventVisitor.LastTouchMedium), nameof(EventVisitor.LastTouchCampaign) })
        {
            builder.Property<string?>(utm).HasMaxLength(100);
        }
    }
}
