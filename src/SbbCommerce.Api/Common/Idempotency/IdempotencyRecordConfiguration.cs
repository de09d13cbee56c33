namespace SbbCommerce.Api.Common.Idempotency;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Caller).HasMaxLength(150);
        builder.Property(e => e.IdempotencyKey).HasMaxLength(255);
        builder.Property(e => e.RequestMethod).HasMaxLength(10);
        builder.Property(e => e.RequestHash).HasMaxLength(64);
        builder.Property(e => e.Status).HasMaxLength(20).IsRequired();
        builder.Property(e => e.ResponseHeaders).HasColumnType("jsonb");
    }
}
