namespace SbbCommerce.Api.Modules.Payments.Data;

internal sealed class ReconciliationStatementConfiguration : IEntityTypeConfiguration<ReconciliationStatement>
{
    public void Configure(EntityTypeBuilder<ReconciliationStatement> builder)
    {
        builder.ToTable("reconciliation_statements");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Source).HasMaxLength(20);
        builder.Property(e => e.Layout).HasMaxLength(50);
        builder.Property(e => e.FileName).HasMaxLength(255);
        builder.Property(e => e.FileSha256).HasMaxLength(64);
    }
}
