namespace SbbCommerce.Api.Common.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply db/migrations when the host starts (Development default: true).</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>Seed environment to apply at start after migrating (e.g. <c>development</c>); empty for none.</summary>
    public string? Seed { get; set; }

    /// <summary>
    /// How long the host's start waits for the migration before it opens its port (then the migration goes on behind
    /// the 503 gate). A fresh start migrates within it, so clients that only wait for the port meet a ready host.
    /// </summary>
    public int StartupWaitSeconds { get; set; } = 30;
}
