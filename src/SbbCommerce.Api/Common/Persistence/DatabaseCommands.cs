namespace SbbCommerce.Api.Common.Persistence;

/// <summary>
/// <c>dotnet run --project src/SbbCommerce.Api -- migrate</c> and <c>-- seed &lt;environment&gt;</c>:
/// run against <c>ConnectionStrings:Postgres</c> and exit without serving.
/// </summary>
internal static class DatabaseCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        var command = args.FirstOrDefault(arg => !arg.StartsWith('-') && !arg.Contains('=', StringComparison.Ordinal));
        switch (command)
        {
            case "migrate":
                await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
                return true;
            case "seed":
                var environment = args.SkipWhile(arg => arg != "seed").Skip(1).FirstOrDefault()
                    ?? throw new ArgumentException("Usage: seed <development|staging|production>");
                await app.Services.GetRequiredService<DatabaseSeeder>().SeedAsync(environment.ToLowerInvariant(), CancellationToken.None);
                return true;
            default:
                return false;
        }
    }
}
