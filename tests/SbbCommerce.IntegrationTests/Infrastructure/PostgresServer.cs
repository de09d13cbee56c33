using System.Net;
using System.Net.Sockets;
using Testcontainers.PostgreSql;

namespace SbbCommerce.IntegrationTests.Infrastructure;

/// <summary>
/// The one PostgreSQL server of a test run, found in this order: the connection string in
/// <c>SBB_TEST_POSTGRES</c>; a Testcontainers container where a Docker engine answers; else a throwaway cluster
/// started from the local PostgreSQL binaries (initdb + pg_ctl, as the postgres user when running as root),
/// removed when the run ends.
/// </summary>
internal static class PostgresServer
{
    private static readonly Lazy<Task<string>> Server = new(StartAsync);

    /// <summary>Admin connection string (database <c>postgres</c>).</summary>
    public static Task<string> GetAdminConnectionStringAsync() => Server.Value;

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("SBB_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString;
        }

        if (DockerEngineAnswers())
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await container.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Database = "postgres" }.ConnectionString;
        }

        return await LocalCluster.StartAsync();
    }

    private static bool DockerEngineAnswers()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        var socketPath = host is not null && host.StartsWith("unix://", StringComparison.Ordinal) ? host["unix://".Length..] : "/var/run/docker.sock";
        if (host is not null && !host.StartsWith("unix://", StringComparison.Ordinal))
        {
            return true;
        }

        if (!File.Exists(socketPath))
        {
            return false;
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A cluster under the temp folder, tuned for tests (no fsync): data is thrown away anyway.</summary>
    private static class LocalCluster
    {
        private const string Prefix = "sbb-test-pg-";

        public static async Task<string> StartAsync()
        {
            var bin = FindBinaries();
            var asRoot = Environment.UserName == "root";
            await RemoveAbandonedClustersAsync(bin, asRoot);
            var root = Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
            Directory.CreateDirectory(root);
            if (asRoot)
            {
                await RunAsync("chown", $"postgres {root}", asRoot: false);
            }

            var data = Path.Combine(root, "data");
            var port = FreePort();
            await RunAsync(Path.Combine(bin, "initdb"), $"-D {data} -U postgres -A trust --no-sync -E UTF8", asRoot);
            // Room for many hosts at once: CI machines with more cores run more test classes (each a host with pools) in parallel.
            var settings = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
                "-c full_page_writes=off -c max_connections=1000 -c shared_buffers=256MB";
            await RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {data} -o \"{settings}\" -l {Path.Combine(root, "log")} -w start", asRoot);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {data} -m immediate stop", asRoot).GetAwaiter().GetResult();
                Directory.Delete(root, recursive: true);
            };
            return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Maximum Pool Size=50";
        }

        private static string FindBinaries()
        {
            var candidates = Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(dir => int.TryParse(Path.GetFileName(dir), out var v) ? v : 0)
                    .Select(dir => Path.Combine(dir, "bin"))
                : [];
            return candidates.FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")))
                ?? throw new InvalidOperationException(
                    "No PostgreSQL found: set SBB_TEST_POSTGRES, start a Docker engine, or install postgresql (scripts/ensure-postgres.sh).");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        /// <summary>
        /// A test run that was killed never reached its exit handler, so its cluster (over a gigabyte once the run's
        /// databases exist) stays behind, maybe still running. Clusters whose test process is gone are stopped and
        /// deleted here, or a machine that runs the suite often fills its disk.
        /// </summary>
        private static async Task RemoveAbandonedClustersAsync(string bin, bool asRoot)
        {
            foreach (var root in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
            {
                var owner = Path.GetFileName(root)[Prefix.Length..].Split('-')[0];
                if (!int.TryParse(owner, out var pid) || IsAlive(pid))
                {
                    continue;
                }

                var data = Path.Combine(root, "data");
                if (File.Exists(Path.Combine(data, "postmaster.pid")))
                {
                    try
                    {
                        await RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {data} -m immediate stop", asRoot);
                    }
                    catch (InvalidOperationException)
                    {
                        // Already stopped (a stale pid file): nothing to stop.
                    }
                }

                try
                {
                    Directory.Delete(root, recursive: true);
                }
                catch (IOException)
                {
                    // Another test process is deleting it at the same time.
                }
            }
        }

        private static bool IsAlive(int pid)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        private static async Task RunAsync(string file, string arguments, bool asRoot)
        {
            var start = asRoot
                ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
                : new ProcessStartInfo(file, arguments);
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} {arguments} exited {process.ExitCode}: {await output} {await error}");
            }
        }
    }
}
