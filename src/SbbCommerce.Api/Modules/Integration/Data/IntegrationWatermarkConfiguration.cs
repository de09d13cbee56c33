namespace SbbCommerce.Api.Modules.Integration.Data;

internal sealed class IntegrationWatermarkConfiguration : IEntityTypeConfiguration<IntegrationWatermark>
{
    public void Configure(EntityTypeBuilder<IntegrationWatermark> builder)
    {
        builder.ToTable("integration_watermarks");
        builder.HasKey(e => e.Name);
        builder.Property(e => e.Name).HasMaxLength(100);
    }
}
