using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SbbCommerce.Api.Common.Telemetry;

/// <summary>
/// The business meter is always there (cheap; tests read it with a MeterListener). OpenTelemetry itself (traces
/// of ASP.NET Core, HttpClient and Npgsql; their metrics, the runtime's and ours; the OTLP exporter) is registered
/// only when <c>OpenTelemetry:Endpoint</c> is set: without it no listener exists and nothing is collected or sent.
/// </summary>
internal static class TelemetryModule
{
    public static IServiceCollection AddSbbTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton<SbbMetrics>();
        services.AddSingleton<JobMetricsFilter>();
        services.AddSingleton<OperationalGauges>();
        services.AddHostedService(provider => provider.GetRequiredService<OperationalGauges>());

        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.Configure<TelemetryOptions>(configuration.GetSection(TelemetryOptions.Section));
        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            return services;
        }

        var protocol = string.Equals(options.Protocol, "grpc", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.Grpc
            : OtlpExportProtocol.HttpProtobuf;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithTracing(tracing => tracing
                // Health probes every few seconds from every load balancer would drown the real traces.
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(SbbMetrics.MeterName))
            // The base address; for http/protobuf the exporter appends /v1/traces and /v1/metrics itself.
            .UseOtlpExporter(protocol, new Uri(options.Endpoint));
        return services;
    }
}
