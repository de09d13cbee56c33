using System.Globalization;
using System.Text.Json;

namespace SbbCommerce.Bench.Reporting;

/// <summary>Writes the result file, by default to bench-results/ at the repository root.</summary>
internal static class JsonReportWriter
{
    private const string ResultsFolder = "bench-results";
    private const string RepositoryMarker = "SbbCommerce.sln";

    /// <returns>The full path written.</returns>
    public static async Task<string> WriteAsync(BenchReport report, string? outPath, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(outPath ?? DefaultPath(report));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stream = File.Create(path);
        await using (stream.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stream, report, BenchJsonContext.Default.BenchReport, cancellationToken).ConfigureAwait(false);
        }

        return path;
    }

    private static string DefaultPath(BenchReport report)
    {
        var stamp = report.StartedAtUtc.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return Path.Combine(FindRepositoryRoot(), ResultsFolder, $"{report.Scenario}-{stamp}.json");
    }

    // `dotnet run --project` may start from any folder; results belong with the repository, not with the caller's cwd.
    internal static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, RepositoryMarker)))
                {
                    return folder.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
