using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SbbCommerce.Fakes;

/// <summary>
/// An OpenTelemetry collector as far as an OTLP/HTTP exporter can tell: it accepts protobuf posts at
/// <c>/v1/traces</c>, <c>/v1/metrics</c> and <c>/v1/logs</c>, answers 200 with an empty export response, and keeps
/// each body (protobuf keeps strings as UTF-8, so a test can look for a service, span or metric name in it).
/// </summary>
public sealed class FakeOtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOtlpCollector(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>What arrived, in order: the signal path, its content type and its body.</summary>
    public ConcurrentQueue<OtlpExport> Exports { get; } = new();

    public static async Task<FakeOtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var collector = new FakeOtlpCollector(app);
        foreach (var signal in new[] { "traces", "metrics", "logs" })
        {
            app.MapPost($"/v1/{signal}", (Delegate)((HttpContext context) => collector.ReceiveAsync(context, signal)));
        }

        await app.StartAsync();
        collector.BaseUrl = app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First()
            : throw new InvalidOperationException("No server.");
        return collector;
    }

    public IReadOnlyList<OtlpExport> Of(string signal) => Exports.Where(e => e.Signal == signal).ToList();

    private async Task ReceiveAsync(HttpContext context, string signal)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        Exports.Enqueue(new OtlpExport(signal, context.Request.ContentType ?? string.Empty, body.ToArray()));
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-protobuf";
        // An empty Export*ServiceResponse: no partial_success field, i.e. everything accepted.
        await context.Response.Body.WriteAsync(ReadOnlyMemory<byte>.Empty);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One export request: <c>traces</c>, <c>metrics</c> or <c>logs</c>.</summary>
public sealed record OtlpExport(string Signal, string ContentType, byte[] Body)
{
    /// <summary>Whether the protobuf body holds this string (names and attribute values are stored as UTF-8).</summary>
    public bool Mentions(string text) => Body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;
}
