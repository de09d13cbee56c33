namespace SbbCommerce.Api.Modules.Integration.Data;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("webhooks_inbox");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Source).HasMaxLength(50);
        builder.Property(e => e.WebhookType).HasMaxLength(100);
        builder.Property(e => e.Status).HasMaxLength(20).IsRequired();
        builder.Property(e => e.Headers).HasColumnType("jsonb");
        builder.Property(e => e.Payload).HasColumnType("jsonb");
        builder.Property(e => e.Signature).HasMaxLength(255);
        builder.Property(e => e.Result).HasColumnType("jsonb");
        builder.Property(e => e.ProviderEventId).HasMaxLength(255);
    }
}
