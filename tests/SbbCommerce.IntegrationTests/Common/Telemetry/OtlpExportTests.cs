using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SbbCommerce.Fakes;

namespace SbbCommerce.IntegrationTests.Common.Telemetry;

/// <summary>
/// OpenTelemetry end to end: with <c>OpenTelemetry:Endpoint</c> set, spans and metrics reach an OTLP/HTTP collector
/// (a local fake) as protobuf; without it no provider is registered and nothing is sent. The export intervals are
/// shortened through the SDK's standard settings so the test waits seconds, not a minute.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class OtlpExportTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Given_an_endpoint_When_requests_are_served_Then_spans_and_business_metrics_arrive_at_the_collector()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        await using var host = new SbbApiFactory(await TestDatabases.CreateAsync(), new Dictionary<string, string?>
        {
            ["OpenTelemetry:Endpoint"] = collector.BaseUrl,
            ["OpenTelemetry:ServiceName"] = "sbb-commerce-under-test",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "300",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });
        var client = host.CreateClient();

        var clock = Stopwatch.StartNew();
        while (!Arrived(collector) && clock.Elapsed < Deadline)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/categories")).StatusCode);
            await Task.Yield();
        }

        Assert.True(Arrived(collector), $"after {clock.Elapsed}: {collector.Exports.Count} exports, none with our span and gauges");
        Assert.All(collector.Exports, e => Assert.Equal("application/x-protobuf", e.ContentType));
        Assert.NotNull(host.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task Given_no_endpoint_When_requests_are_served_Then_no_provider_exists_and_nothing_is_sent()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        await using var host = new SbbApiFactory(await TestDatabases.CreateAsync(), new Dictionary<string, string?>
        {
            ["OpenTelemetry:Endpoint"] = "",
            // Even the SDK's own environment setting must not switch anything on by itself.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseUrl,
        });

        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/api/v1/categories")).StatusCode);

        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
        Assert.Empty(collector.Exports);
    }

    /// <summary>A server span of our service for the route, and our database-wide gauges, have been received.</summary>
    private static bool Arrived(FakeOtlpCollector collector) =>
        collector.Of("traces").Any(e => e.Mentions("sbb-commerce-under-test") && e.Mentions("/api/v1/categories"))
        && collector.Of("metrics").Any(e => e.Mentions(SbbMetricsName) && e.Mentions("sbb.outbox.lag") && e.Mentions("http.server.request.duration"));

    private const string SbbMetricsName = "SbbCommerce";
}

/// <summary>
/// OpenTelemetry's listeners are process-wide: a host exporting telemetry also sees every other test host's
/// activities and meters. Its tests run alone, after the parallel ones, so no other host is started, used or
/// disposed under its listeners.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "OTLP export (alone)";
}
