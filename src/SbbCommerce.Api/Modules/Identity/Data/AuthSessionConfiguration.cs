namespace SbbCommerce.Api.Modules.Identity.Data;

internal sealed class AuthSessionConfiguration : IEntityTypeConfiguration<AuthSession>
{
    public void Configure(EntityTypeBuilder<AuthSession> builder)
    {
        builder.ToTable("auth_sessions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.RefreshTokenHash).HasMaxLength(255);
        builder.Property(e => e.DeviceFingerprint).HasMaxLength(255);
        builder.Property(e => e.RevokedReason).HasMaxLength(100);
    }
}
