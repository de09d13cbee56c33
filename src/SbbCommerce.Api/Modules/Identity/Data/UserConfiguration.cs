namespace SbbCommerce.Api.Modules.Identity.Data;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Email).HasMaxLength(255);
        builder.Property(e => e.Phone).HasMaxLength(20);
        builder.Property(e => e.PasswordHash).HasMaxLength(255);
        builder.Property(e => e.KycStatus).HasMaxLength(20);
        builder.Property(e => e.ErpCustomerId).HasMaxLength(50);
        builder.Property(e => e.ErpTerms).HasMaxLength(100);
        builder.Property(e => e.EmailUndeliverableReason).HasMaxLength(200);
    }
}
