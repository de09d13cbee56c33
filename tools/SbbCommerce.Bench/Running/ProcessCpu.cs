using System.Globalization;
using Npgsql;

namespace SbbCommerce.Bench.Running;

/// <summary>
/// CPU seconds the host (the <c>SbbCommerce.Api</c> process) and PostgreSQL (the postmaster of the bench's cluster
/// and its backends) used, read from /proc: sampled around a measured run, divided by its requests, it says where a
/// request's cost goes on a machine whose cores the bench shares. Linux only; elsewhere nothing is reported.
/// </summary>
internal static class ProcessCpu
{
    // USER_HZ, the unit of /proc/<pid>/stat's times: 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    /// <summary>The postmaster's process id, from the data directory's postmaster.pid; null when it cannot be read.</summary>
    public static async Task<int?> PostmasterAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = database.CreateCommand("SELECT current_setting('data_directory')");
            var directory = (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            var first = File.ReadLines(Path.Combine(directory, "postmaster.pid")).FirstOrDefault();
            return int.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception exception) when (exception is NpgsqlException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>CPU seconds so far of the API process(es) and of the cluster (exited backends included); null off Linux.</summary>
    public static CpuSample? Sample(int? postmaster)
    {
        if (!Directory.Exists("/proc/self"))
        {
            return null;
        }

        double api = 0, postgres = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
                || Stat(pid) is not { } stat)
            {
                continue;
            }

            if (pid == postmaster)
            {
                // The postmaster reaps every backend: cutime/cstime hold the CPU of those that already exited.
                postgres += stat.Own + stat.ReapedChildren;
            }
            else if (postmaster is not null && stat.Parent == postmaster)
            {
                postgres += stat.Own;
            }
            else if (IsApi(pid, stat.Command))
            {
                api += stat.Own;
            }
        }

        return new CpuSample(api, postgres, Environment.CpuUsage.TotalTime.TotalSeconds);
    }

    // The apphost (comm "SbbCommerce.Api", truncated to 15 characters) or `dotnet SbbCommerce.Api.dll`.
    private static bool IsApi(int pid, string command) =>
        command == "SbbCommerce.Api"
        || (command == "dotnet" && ReadCommandLine(pid).Contains("SbbCommerce.Api.dll", StringComparison.Ordinal));

    private static string ReadCommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static ProcStat? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null; // the process ended while the directory was listed
        }

        // pid (comm) state ppid ... : comm may hold spaces and parentheses, so split after the last ')'.
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        if (open < 0 || close < open)
        {
            return null;
        }

        var fields = text[(close + 2)..].Split(' ');
        double Field(int number) => double.Parse(fields[number - 3], CultureInfo.InvariantCulture) / TicksPerSecond;
        return new ProcStat(
            text[(open + 1)..close],
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            Field(14) + Field(15),
            Field(16) + Field(17));
    }

    private sealed record ProcStat(string Command, int Parent, double Own, double ReapedChildren);
}

/// <summary>Cumulative CPU seconds of the host and of PostgreSQL at one moment.</summary>
internal sealed record CpuSample(double ApiSeconds, double PostgresSeconds, double BenchSeconds)
{
    /// <summary>CPU milliseconds per request of each between two samples.</summary>
    public (double ApiMs, double PostgresMs) PerRequestSince(CpuSample before, long requests) =>
        requests <= 0 ? (0, 0)
            : (Math.Round((ApiSeconds - before.ApiSeconds) * 1000 / requests, 3), Math.Round((PostgresSeconds - before.PostgresSeconds) * 1000 / requests, 3));

    /// <summary>The bench's own CPU milliseconds per request between two samples: the load it puts on the cores it shares.</summary>
    public double BenchPerRequestSince(CpuSample before, long requests) =>
        requests <= 0 ? 0 : Math.Round((BenchSeconds - before.BenchSeconds) * 1000 / requests, 3);
}
