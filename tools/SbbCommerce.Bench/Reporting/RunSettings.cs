using Npgsql;
using SbbCommerce.Bench.Cli;

namespace SbbCommerce.Bench.Reporting;

/// <summary>The settings both runs used, as recorded in the result file.</summary>
internal sealed record RunSettings(
    string Url,
    int Concurrency,
    double? DurationSeconds,
    long? Requests,
    double WarmupSeconds,
    double TimeoutSeconds,
    long? MaxRequestsPerWorker,
    int SetUpWarmupRequests,
    string Connection)
{
    public static RunSettings From(BenchOptions options) => new(
        options.Url.ToString(),
        options.Concurrency,
        options.Duration?.TotalSeconds,
        options.Requests,
        options.Warmup.TotalSeconds,
        options.RequestTimeout.TotalSeconds,
        options.MaxRequestsPerWorker,
        options.SetUpWarmupRequests,
        WithoutPassword(options.ConnectionString));

    // Result files get shared and quoted; a password must never end up in one.
    private static string WithoutPassword(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Remove("Password");
        return builder.ConnectionString;
    }
}
