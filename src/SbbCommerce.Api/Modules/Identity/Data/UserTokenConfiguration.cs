namespace SbbCommerce.Api.Modules.Identity.Data;

internal sealed class UserTokenConfiguration : IEntityTypeConfiguration<UserToken>
{
    public void Configure(EntityTypeBuilder<UserToken> builder)
    {
        builder.ToTable("user_tokens");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Purpose).HasMaxLength(30);
        builder.Property(e => e.TokenHash).HasMaxLength(64);
    }
}
