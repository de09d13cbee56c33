using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Npgsql;
using SbbCommerce.Bench.Reporting;

namespace SbbCommerce.Bench.Scenarios.Baseline;

/// <summary>
/// The least an ASP.NET Core endpoint over PostgreSQL can do: slim Kestrel, no logging, no middleware, one raw
/// Npgsql query. Its throughput on this machine is the ceiling the API's scenarios are compared against.
/// </summary>
internal sealed class BaselineServer : IAsyncDisposable
{
    public const string Path = "baseline";
    public const string Query = "SELECT id, name FROM payment_methods ORDER BY sort_order LIMIT 1";

    private readonly WebApplication _app;

    private BaselineServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<BaselineServer> StartAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        // No args and no content root files: the baseline must not pick up the API's configuration.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();

        // Port 0 lets the OS pick a free port; loopback only, like every bench target.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

        var app = builder.Build();
        app.MapGet("/" + Path, (CancellationToken requestAborted) => ReadFirstRowAsync(database, requestAborted));

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new BaselineServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<IResult> ReadFirstRowAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Query);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var row = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new PaymentMethodRow(reader.GetGuid(0), reader.GetString(1))
            : new PaymentMethodRow(null, null);

        // Source-generated serialization, as a tuned endpoint would use; an empty table is still a 200.
        return TypedResults.Json(row, BenchJsonContext.Default.PaymentMethodRow);
    }
}
