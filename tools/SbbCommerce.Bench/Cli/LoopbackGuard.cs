using System.Net;
using Npgsql;

namespace SbbCommerce.Bench.Cli;

/// <summary>
/// Keeps the load on this machine: a load driver pointed at a shared or remote host is a denial of service,
/// so only loopback HTTP targets and loopback (or Unix-socket) databases are accepted.
/// </summary>
internal static class LoopbackGuard
{
    public static void EnsureLoopbackUrl(Uri url)
    {
        if (!IsLoopbackHost(url.Host))
        {
            throw new UsageException(
                $"--url {url} points at '{url.Host}', which is not a loopback address. "
                + "The bench only drives targets on this machine: localhost, 127.x.x.x or [::1].");
        }
    }

    public static void EnsureLoopbackDatabase(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new UsageException($"The connection string is not valid: {exception.Message}", exception);
        }

        // Npgsql accepts "host1,host2:port"; every host must be local.
        var hosts = (builder.Host ?? "localhost").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var host in hosts)
        {
            var isUnixSocket = host.StartsWith('/') || host.StartsWith('@');
            if (!isUnixSocket && !IsLoopbackHost(StripPort(host)))
            {
                throw new UsageException(
                    $"The connection string's host '{host}' is not a loopback address. "
                    + "The bench only uses a PostgreSQL on this machine: localhost, 127.x.x.x, [::1] or a Unix socket.");
            }
        }
    }

    public static bool IsLoopbackHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    private static string StripPort(string host)
    {
        if (host.StartsWith('['))
        {
            var closing = host.IndexOf(']', StringComparison.Ordinal);
            return closing > 0 ? host[..(closing + 1)] : host;
        }

        // One colon is "host:port"; more than one is a bare IPv6 address without a port.
        var colon = host.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon == host.LastIndexOf(':') ? host[..colon] : host;
    }
}
