namespace SbbCommerce.Api.Modules.Identity.Data;

internal sealed class PhoneVerificationConfiguration : IEntityTypeConfiguration<PhoneVerification>
{
    public void Configure(EntityTypeBuilder<PhoneVerification> builder)
    {
        builder.ToTable("phone_verifications");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Phone).HasMaxLength(20);
        builder.Property(e => e.CodeHash).HasMaxLength(64);
    }
}
