using System.Net;

namespace SbbCommerce.Bench.Running;

/// <summary>The one HttpClient every worker, set-up step and the baseline run share.</summary>
internal static class BenchHttpClientFactory
{
    public static HttpClient Create(int concurrency, TimeSpan requestTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            // Long enough that no connection is recycled inside a run (a recycle adds a handshake to someone's latency),
            // short enough that the pool is still bounded in time.
            PooledConnectionLifetime = TimeSpan.FromMinutes(15),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),

            // One connection per worker: the concurrency the command line asks for is the concurrency the target sees.
            MaxConnectionsPerServer = concurrency,
            ConnectTimeout = TimeSpan.FromSeconds(5),

            // Targets are loopback only; an HTTP_PROXY from the environment must not sit in between.
            UseProxy = false,

            // Workers must not share one cookie jar; scenarios put credentials on each request.
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };

        return new HttpClient(handler, disposeHandler: true) { Timeout = requestTimeout };
    }
}
