namespace SbbCommerce.Api.Modules.Payments.Data;

internal sealed class PaymentAttemptConfiguration : IEntityTypeConfiguration<PaymentAttempt>
{
    public void Configure(EntityTypeBuilder<PaymentAttempt> builder)
    {
        builder.ToTable("payment_attempts");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Status).HasMaxLength(20);
        builder.Property(e => e.Action).HasMaxLength(50);
        builder.Property(e => e.PerformedByType).HasMaxLength(20);
        builder.Property(e => e.RequestData).HasColumnType("jsonb");
        builder.Property(e => e.ResponseData).HasColumnType("jsonb");
    }
}
