namespace SbbCommerce.Api.Modules.Identity.Data;

internal sealed class ExternalLoginConfiguration : IEntityTypeConfiguration<ExternalLogin>
{
    public void Configure(EntityTypeBuilder<ExternalLogin> builder)
    {
        builder.ToTable("external_logins");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Subject).HasMaxLength(255);
        builder.Property(e => e.EmailAtLink).HasMaxLength(255);
        builder.HasIndex(e => new { e.Provider, e.Subject }).IsUnique().HasDatabaseName("external_logins_provider_subject_unique");
        builder.HasIndex(e => new { e.UserId, e.Provider }).IsUnique().HasDatabaseName("external_logins_user_provider_unique");
    }
}
