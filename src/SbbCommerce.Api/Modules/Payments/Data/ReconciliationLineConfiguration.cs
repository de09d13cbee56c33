namespace SbbCommerce.Api.Modules.Payments.Data;

internal sealed class ReconciliationLineConfiguration : IEntityTypeConfiguration<ReconciliationLine>
{
    public void Configure(EntityTypeBuilder<ReconciliationLine> builder)
    {
        builder.ToTable("reconciliation_lines");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Source).HasMaxLength(20);
        builder.Property(e => e.Direction).HasMaxLength(10);
        builder.Property(e => e.CounterpartyName).HasMaxLength(200);
        builder.Property(e => e.CounterpartyHandle).HasMaxLength(200);
        builder.Property(e => e.ProviderTransactionId).HasMaxLength(100);
        builder.Property(e => e.DedupeKey).HasMaxLength(120);
        builder.Property(e => e.Status).HasMaxLength(12);
        builder.Property(e => e.Reasons).HasColumnType("jsonb");
        builder.Property(e => e.Candidates).HasColumnType("jsonb");
        // Known to EF so a statement is inserted before its lines (same module: a relationship without navigation).
        builder.HasOne<ReconciliationStatement>().WithMany().HasForeignKey(e => e.StatementId);
    }
}
