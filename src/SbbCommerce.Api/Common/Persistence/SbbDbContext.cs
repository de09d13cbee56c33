namespace SbbCommerce.Api.Common.Persistence;

/// <summary>
/// The one DbContext of the host. Each module owns its entities and their configurations (in its Data folder);
/// they are picked up from this assembly, so this class names no module. Modules reach their rows with
/// <c>Set&lt;T&gt;()</c>. The schema itself belongs to db/migrations: EF never creates or changes it.
/// </summary>
internal sealed class SbbDbContext(DbContextOptions<SbbDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SbbDbContext).Assembly);
        // One mapping for every optimistic-concurrency row: its Version is PostgreSQL's xmin.
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => e.ClrType.IsAssignableTo(typeof(RowVersioned))).ToList())
        {
            modelBuilder.Entity(entity.ClrType).Property(nameof(RowVersioned.Version)).IsRowVersion();
        }
    }
}
