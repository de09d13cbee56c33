namespace SbbCommerce.Api.Common.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("webhooks_outbox");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Destination).HasMaxLength(100);
        builder.Property(e => e.EventType).HasMaxLength(100);
        builder.Property(e => e.Payload).HasColumnType("jsonb");
        builder.Property(e => e.Status).HasMaxLength(20).IsRequired();
        builder.Property(e => e.EntityType).HasMaxLength(50);
    }
}
