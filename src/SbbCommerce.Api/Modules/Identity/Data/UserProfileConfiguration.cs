namespace SbbCommerce.Api.Modules.Identity.Data;

internal sealed class UserProfileConfiguration : IEntityTypeConfiguration<UserProfile>
{
    public void Configure(EntityTypeBuilder<UserProfile> builder)
    {
        builder.ToTable("user_profiles");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.FirstName).HasMaxLength(100);
        builder.Property(e => e.LastName).HasMaxLength(100);
        builder.Property(e => e.DisplayName).HasMaxLength(100);
        builder.Property(e => e.PreferredCurrency).HasMaxLength(3);
        builder.Property(e => e.Timezone).HasMaxLength(50);
        builder.Property(e => e.Locale).HasMaxLength(10);
        builder.Property(e => e.UtmSource).HasMaxLength(100);
        builder.Property(e => e.UtmMedium).HasMaxLength(100);
        builder.Property(e => e.UtmCampaign).HasMaxLength(100);
        builder.Property(e => e.UtmTerm).HasMaxLength(100);
        builder.Property(e => e.UtmContent).HasMaxLength(100);
    }
}
