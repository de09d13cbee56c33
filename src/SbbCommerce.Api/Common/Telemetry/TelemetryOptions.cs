namespace SbbCommerce.Api.Common.Telemetry;

/// <summary>The <c>OpenTelemetry</c> section: where traces and metrics go (nowhere when no endpoint is set).</summary>
internal sealed class TelemetryOptions
{
    public const string Section = "OpenTelemetry";

    /// <summary>The collector's base address (e.g. <c>http://otel-collector:4318</c>); empty: no exporter, no instrumentation.</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>http/protobuf</c> (default; signal paths /v1/traces and /v1/metrics are appended) or <c>grpc</c>.</summary>
    public string Protocol { get; set; } = "http/protobuf";

    /// <summary>service.name of every span and metric; two hosts share it and differ by service.instance.id.</summary>
    public string ServiceName { get; set; } = "sbb-commerce";
}
