namespace SbbCommerce.Api.Common.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply db/migrations when the host starts (Development default: true).</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>Seed environment to apply at start after migrating (e.g. <c>development</c>); empty for none.</summary>
    public string? Seed { get; set; }
}
