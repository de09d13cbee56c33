namespace SbbCommerce.Api.Modules.Payments.Data;

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> builder)
    {
        builder.ToTable("refunds");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.RefundReference).HasMaxLength(30);
        builder.Property(e => e.Status).HasMaxLength(20).IsRequired();
        builder.Property(e => e.Reason).HasMaxLength(100);
        builder.Property(e => e.RefundMethod).HasMaxLength(50);
        builder.Property(e => e.RefundDetails).HasColumnType("jsonb");
        builder.Property(e => e.ErpRefundId).HasMaxLength(50);
    }
}
