namespace SbbCommerce.Api.Modules.Payments.Data;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("payments");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.PaymentReference).HasMaxLength(30);
        builder.Property(e => e.Currency).HasMaxLength(3).IsRequired();
        builder.Property(e => e.CustomerReference).HasMaxLength(100);
        builder.Property(e => e.ErpPaymentId).HasMaxLength(50);
        builder.Property(e => e.Metadata).HasColumnType("jsonb");
        builder.Property(e => e.ProofContentType).HasMaxLength(100);
        builder.Property(e => e.ProofSha256).HasMaxLength(64);
    }
}
