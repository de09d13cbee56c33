namespace SbbCommerce.Api.Modules.Events.Data;

internal sealed class TrackedEventConfiguration : IEntityTypeConfiguration<TrackedEvent>
{
    public void Configure(EntityTypeBuilder<TrackedEvent> builder)
    {
        builder.ToTable("events");
        builder.HasKey(e => new { e.Id, e.CreatedAt });
        builder.Property(e => e.EventName).HasMaxLength(100);
        builder.Property(e => e.EventCategory).HasMaxLength(50);
        builder.Property(e => e.AnonymousId).HasMaxLength(100);
        builder.Property(e => e.SessionId).HasMaxLength(100);
        builder.Property(e => e.PageTitle).HasMaxLength(255);
        builder.Property(e => e.UtmSource).HasMaxLength(100);
        builder.Property(e => e.UtmMedium).HasMaxLength(100);
        builder.Property(e => e.UtmCampaign).HasMaxLength(100);
        builder.Property(e => e.UtmTerm).HasMaxLength(100);
        builder.Property(e => e.UtmContent).HasMaxLength(100);
        builder.Property(e => e.Properties).HasColumnType("jsonb").IsRequired();
        builder.Property(e => e.DeviceType).HasMaxLength(20);
        builder.Property(e => e.Browser).HasMaxLength(50);
        builder.Property(e => e.Os).HasMaxLength(50);
        builder.Property(e => e.ScreenResolution).HasMaxLength(20);
        builder.Property(e => e.CountryCode).HasColumnType("character(2)");
        builder.Property(e => e.Region).HasMaxLength(100);
        builder.Property(e => e.City).HasMaxLength(100);
    }
}
